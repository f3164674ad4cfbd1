package dev.parley.limits.control;

import dev.parley.limits.entity.Buckets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateBucket} per key (a user, an address), made on first use, in this node's memory. Full
 * buckets are dropped when there are many, so memory follows the keys active lately, not every key
 * ever seen.
 */
public final class RateBuckets<K> implements Buckets<K> {
    private static final int PRUNE_ABOVE = 10_000;
    private final Map<K, RateBucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perSecond;

    public RateBuckets(int burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    @Override
    public boolean take(K key, int cost) {
        if (buckets.size() > PRUNE_ABOVE) buckets.values().removeIf(RateBucket::isFull);
        return buckets.computeIfAbsent(key, k -> new RateBucket(burst, perSecond)).take(cost);
    }
}
