package dev.parley.limits.grid;

import com.hazelcast.map.IMap;
import dev.parley.limits.entity.Buckets;
import java.util.function.LongSupplier;

/** {@link Buckets} in an IMap: each key's tokens and the time they were counted, as {@code double[2]}. */
final class GridBuckets<K> implements Buckets<K> {
    private final IMap<K, double[]> map;
    private final int burst;
    private final double perMilli;
    private final LongSupplier clusterMillis;

    GridBuckets(IMap<K, double[]> map, int burst, double perSecond, LongSupplier clusterMillis) {
        this.map = map;
        this.burst = burst;
        this.perMilli = perSecond / 1000;
        this.clusterMillis = clusterMillis;
    }

    @Override
    public boolean take(K key, int cost) {
        try {
            return map.executeOnKey(key, new TakeToken<>(burst, perMilli, clusterMillis.getAsLong(), cost));
        } catch (RuntimeException e) {
            GridEntries.unavailable(map.getName(), e);
            return true;
        }
    }
}
