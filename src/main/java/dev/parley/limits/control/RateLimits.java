package dev.parley.limits.control;

import dev.parley.limits.entity.WindowCounts;
import dev.parley.limits.entity.Buckets;
import dev.parley.cluster.grid.Grid;
import dev.parley.limits.grid.GridLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Where the limits that must hold for the whole service keep their counts: login failures, new
 * accounts per address, REST writes per user. On a single node, this node's memory (no cost beyond
 * the map). On a cluster, the data grid, so that a client spread over nodes gets each limit once, not
 * once per node; each check then costs one grid round trip (docs/architecture.md, "Limits across
 * nodes"). Limits that belong to one connection (a socket's event budget) stay in memory anyway.
 */
@ApplicationScoped
public class RateLimits {
    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    Grid grid;

    /** The grid's HazelcastInstance, or null: this node's memory. */
    private Object hazelcast;

    @PostConstruct
    void choose() {
        if (!grid.clustered()) return;
        hazelcast = grid.instance();
        LOG.info("Limits: login failures, new accounts and REST writes are counted across the cluster");
    }

    /** Limits counted in the grid of {@code hazelcast} (a HazelcastInstance), as on a clustered node. */
    public static RateLimits onGrid(Object hazelcast) {
        RateLimits limits = new RateLimits();
        limits.hazelcast = hazelcast;
        return limits;
    }

    /** Limits counted in this node's memory, as on a single node. */
    public static RateLimits inMemory() {
        return new RateLimits();
    }

    /** A token bucket per key; {@code name} tells this limit's buckets from the others' on the grid. */
    public <K> Buckets<K> buckets(String name, int burst, double perSecond) {
        return hazelcast == null ? new RateBuckets<>(burst, perSecond) : GridLimits.buckets(hazelcast, name, burst, perSecond);
    }

    /** Events per key within {@code window}, of which at most the last {@code keep} are kept. */
    public WindowCounts windowCounts(String name, Duration window, int keep) {
        return hazelcast == null ? new MemoryWindowCounts(window, keep, Clock.systemUTC())
                : GridLimits.windowCounts(hazelcast, name, window, keep);
    }
}
