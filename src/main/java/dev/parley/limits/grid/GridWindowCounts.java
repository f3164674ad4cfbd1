package dev.parley.limits.grid;

import com.hazelcast.map.IMap;
import dev.parley.limits.entity.WindowCounts;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@link WindowCounts} in an IMap: each key's last event times (cluster time, ms), oldest first, as
 * {@code long[]}. Reading several keys is one {@code getAll}, adding to several an entry
 * processor per key sent at once: a round trip each, the keys' owners answering side by side. (Each
 * processor is sent from the request thread: see {@link GridLimits}.)
 */
final class GridWindowCounts implements WindowCounts {
    private final IMap<String, long[]> map;
    private final long windowMillis;
    private final int keep;
    private final LongSupplier clusterMillis;

    GridWindowCounts(IMap<String, long[]> map, Duration window, int keep, LongSupplier clusterMillis) {
        this.map = map;
        this.windowMillis = window.toMillis();
        this.keep = keep;
        this.clusterMillis = clusterMillis;
    }

    @Override
    public int[] counts(String... keys) {
        int[] counts = new int[keys.length];
        Map<String, long[]> found;
        try {
            found = map.getAll(new HashSet<>(List.of(keys)));
        } catch (RuntimeException e) {
            GridEntries.unavailable(map.getName(), e);
            return counts;
        }
        long horizon = clusterMillis.getAsLong() - windowMillis;
        for (int i = 0; i < keys.length; i++) {
            long[] times = found.get(keys[i]);
            if (times == null) continue;
            for (long time : times) if (time > horizon) counts[i]++;
        }
        return counts;
    }

    @Override
    public void add(String... keys) {
        AddEvent event = new AddEvent(clusterMillis.getAsLong(), windowMillis, keep);
        try {
            List<CompletableFuture<Void>> sent = Stream.of(keys).map(key -> map.submitToKey(key, event).toCompletableFuture()).toList();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            GridEntries.unavailable(map.getName(), e);
        }
    }

    @Override
    public void clear(String key) {
        try {
            map.delete(key);
        } catch (RuntimeException e) {
            GridEntries.unavailable(map.getName(), e);
        }
    }
}
