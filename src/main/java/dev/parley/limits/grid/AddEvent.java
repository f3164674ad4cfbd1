package dev.parley.limits.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Adds one event at {@code now} (the caller's cluster time) to a key's window on its partition's
 * owner, dropping what fell out of the window and all but the last {@code keep}. The entry lives one
 * window past its newest event: then it counts nothing. Plain {@code Serializable}: see {@link TakeToken}.
 */
record AddEvent(long now, long windowMillis, int keep) implements EntryProcessor<String, long[], Void> {
    @Override
    public Void process(Map.Entry<String, long[]> entry) {
        long[] times = entry.getValue() == null ? new long[0] : entry.getValue();
        long horizon = now - windowMillis;
        int from = 0;
        while (from < times.length && times[from] <= horizon) from++;
        from = Math.max(from, times.length + 1 - keep);
        long[] kept = Arrays.copyOfRange(times, from, times.length + 1);
        kept[kept.length - 1] = Math.max(now, times.length == 0 ? now : times[times.length - 1]); // oldest first, whatever the callers' clocks
        ((ExtendedMapEntry<String, long[]>) entry).setValue(kept, GridEntries.ttlSeconds(windowMillis), TimeUnit.SECONDS);
        return null;
    }

    /** None: see {@link GridLimits}. */
    @Override
    public EntryProcessor<String, long[], Void> getBackupProcessor() {
        return null;
    }
}
