package dev.parley.realtime.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest change of each recently changed message that this node's sockets were told of, so that
 * an older change arriving later (relayed from another node after a newer one) is not shown over it,
 * and no change is told twice. Bounded: the least recently changed messages are forgotten.
 */
final class LatestChanges {
    private final Map<Long, Instant> latest;

    LatestChanges(int capacity) {
        latest = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the change of {@code messageId} at {@code version} is newer than any told so far; if so, it is now the newest. */
    synchronized boolean newer(long messageId, Instant version) {
        if (version == null) return true;
        Instant told = latest.get(messageId);
        if (told != null && !version.isAfter(told)) return false;
        latest.put(messageId, version);
        return true;
    }
}
