package dev.parley.cluster.grid;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One ordered stream of events from each node to every other node of the grid (a Hazelcast reliable
 * topic behind it, {@link TopicRelay}). Names no Hazelcast type, so that the beans holding one load
 * where there is no Hazelcast.
 */
public interface Relay extends AutoCloseable {

    /** Sends {@code event} to every other node; this node does not receive it back. */
    void publish(Serializable event);

    /**
     * Sends {@code event} and waits, at most {@code wait}, until every other member has handled it;
     * the members (their addresses) that had not by then, none when all had.
     */
    List<String> publishAndAwait(Serializable event, Duration wait);

    /** How many members the grid has now, this one included. */
    int members();

    @Override
    void close();

    /** What a node does with what the others send, called on one thread in the order each node published. */
    interface Receiver {
        void received(Serializable event);

        /** Events were lost before this node read them (the stream overran its buffer): {@code count} of them, from any node. */
        void lost(long count);

        /**
         * Something on the stream was dropped unread: it did not open with this node's secret (a member
         * with another secret, or a stranger), or it was an event already taken. {@code what} says which, the
         * member that published it as Hazelcast tells (unauthenticated), and the likely cause.
         */
        void refused(String what);
    }
}
