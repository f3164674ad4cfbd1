package dev.parley.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateBucket} per key (a user, an address), made on first use. Full buckets are dropped
 * when there are many, so memory follows the keys active lately, not every key ever seen.
 */
public final class RateBuckets<K> {
    private static final int PRUNE_ABOVE = 10_000;
    private final Map<K, RateBucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perSecond;

    public RateBuckets(int burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Whether {@code key} may do one more now (and if so, it is counted). */
    public boolean take(K key) {
        if (buckets.size() > PRUNE_ABOVE) buckets.values().removeIf(RateBucket::isFull);
        return buckets.computeIfAbsent(key, k -> new RateBucket(burst, perSecond)).take();
    }
}
