package dev.parley.limits.grid;

import java.util.logging.Logger;

/** What the grid's limits share: how an entry's time to live is written, and what a grid that did not answer means. */
final class GridEntries {
    private static final Logger LOG = Logger.getLogger(GridEntries.class.getName());

    private GridEntries() {
    }

    /**
     * The grid did not answer (this member shutting down, say): the request is let through rather
     * than refused, as a limit is a guard against abuse, not a condition of service. One line, no trace.
     */
    static void unavailable(String map, RuntimeException e) {
        LOG.warning("Limit " + map + " not counted: the data grid did not answer (" + e.getClass().getSimpleName() + ")");
    }

    /** An entry's time to live: at least a second, as Hazelcast reads 0 as "forever". */
    static long ttlSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
