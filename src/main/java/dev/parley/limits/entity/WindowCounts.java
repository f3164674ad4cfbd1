package dev.parley.limits.entity;

/**
 * How many times each key (an address, a username from an address) did something within a sliding
 * window, such as failing to log in. Kept in this node's memory ({@code control/MemoryWindowCounts}) or, on a
 * cluster, in the data grid so that every node counts the same events ({@code control/RateLimits} chooses).
 */
public interface WindowCounts {
    /** The count of each key within the window, in the order given. */
    int[] counts(String... keys);

    /** One more, now, for each key. */
    void add(String... keys);

    /** The key's count starts again from nothing. */
    void clear(String key);
}
