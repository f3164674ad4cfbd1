package dev.parley.limits.grid;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.limits.entity.Buckets;
import dev.parley.limits.entity.WindowCounts;
import java.time.Duration;

/**
 * Limits kept in the data grid: one IMap per limit ({@code parley.limits.<name>}), an entry per key,
 * changed on its partition's owner by an entry processor (one round trip). Entries expire once they
 * would count nothing (a bucket full again, a window past), so the maps hold only the keys active
 * lately.
 *
 * <p>No backups: a crashed member's share of the counts starts afresh (a client gets at most its
 * limits once more), which spares every check a backup round trip. It also keeps Parley's processors
 * to the request threads that send them, where Payara's serializer knows the application's class
 * loader; a backup processor would be sent from a partition thread, where it does not.
 */
public final class GridLimits {
    static final String MAP_PREFIX = "parley.limits.";

    private GridLimits() {
    }

    /** {@code hazelcast}: the grid's {@code HazelcastInstance}, handed out as an Object by {@link Grid}. */
    public static <K> Buckets<K> buckets(Object hazelcast, String name, int burst, double perSecond) {
        HazelcastInstance hz = (HazelcastInstance) hazelcast;
        return new GridBuckets<>(hz.getMap(MAP_PREFIX + name), burst, perSecond, hz.getCluster()::getClusterTime);
    }

    public static WindowCounts windowCounts(Object hazelcast, String name, Duration window, int keep) {
        HazelcastInstance hz = (HazelcastInstance) hazelcast;
        return new GridWindowCounts(hz.getMap(MAP_PREFIX + name), window, keep, hz.getCluster()::getClusterTime);
    }
}
