package dev.parley.limits.entity;

/**
 * A token bucket per key (a user, an address): {@code burst} at once, refilled at a steady rate. Kept
 * in this node's memory ({@code control/RateBuckets}) or, on a cluster, in the data grid so that every node
 * takes from the same bucket ({@code control/RateLimits} chooses).
 */
public interface Buckets<K> {
    /** Whether {@code key} may do one more now (and if so, it is counted). */
    default boolean take(K key) {
        return take(key, 1);
    }

    /**
     * Whether {@code key} may do something that costs {@code cost} tokens now (and if so, they are
     * taken). A cost above the burst is never met: callers keep to at most the burst.
     */
    boolean take(K key, int cost);
}
