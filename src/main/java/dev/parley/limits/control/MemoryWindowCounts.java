package dev.parley.limits.control;

import dev.parley.limits.entity.WindowCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link WindowCounts} in this node's memory: the times of each key's last {@code keep} events.
 * Keys with nothing left in the window are dropped when there are many.
 */
public final class MemoryWindowCounts implements WindowCounts {
    private static final int PRUNE_ABOVE = 100_000;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
    private final Duration window;
    private final int keep;
    private final Clock clock;

    public MemoryWindowCounts(Duration window, int keep, Clock clock) {
        this.window = window;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public int[] counts(String... keys) {
        int[] counts = new int[keys.length];
        for (int i = 0; i < keys.length; i++) counts[i] = count(keys[i]);
        return counts;
    }

    @Override
    public void add(String... keys) {
        if (events.size() > PRUNE_ABOVE) {
            events.values().removeIf(d -> { synchronized (d) { prune(d); return d.isEmpty(); } });
        }
        for (String key : keys) {
            Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times);
                times.addLast(clock.instant());
                while (times.size() > keep) times.removeFirst();
            }
        }
    }

    @Override
    public void clear(String key) {
        events.remove(key);
    }

    private int count(String key) {
        Deque<Instant> times = events.get(key);
        if (times == null) return 0;
        synchronized (times) {
            prune(times);
            return times.size();
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) times.removeFirst();
    }
}
