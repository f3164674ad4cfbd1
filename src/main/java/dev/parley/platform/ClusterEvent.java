package dev.parley.platform;

import java.io.Serializable;

/**
 * An event that every node must see, not only the one it happened on: fired locally as a CDI event
 * and, after its transaction commits, handed to {@link Cluster} for the other nodes.
 */
public interface ClusterEvent extends Serializable {
}
