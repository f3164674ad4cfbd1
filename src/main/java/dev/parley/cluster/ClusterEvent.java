package dev.parley.cluster;

import java.io.Serializable;

/**
 * An event that every node must see, not only the one it happened on: fired locally as a CDI event
 * and, after its transaction commits, handed to {@link Cluster} for the other nodes, where it is fired
 * again, outside any transaction (so their {@code AFTER_SUCCESS} observers run at once).
 */
public interface ClusterEvent extends Serializable {

    /**
     * Whether the node that committed it waits, before answering, until every other node has acted on
     * it (a session's end must refuse its token on every node at once, not a few ms later).
     */
    default boolean awaitedByEveryNode() {
        return false;
    }
}
