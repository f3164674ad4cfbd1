package dev.parley.presence.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes waiting to be announced, merged by user (a user who came and went within one batch is
 * announced once, as they are now), and when the next announcement may go out: the first change
 * after a quiet spell goes at once, later ones wait until an interval has passed since the last.
 * One event per change cost every connect a frame per socket, and a connect storm O(n²) frames.
 * Not thread-safe: {@link PresenceAnnouncer} holds it under its lock. Times are in milliseconds.
 */
public final class PresenceBatch {
    private final long intervalMillis;
    private final Map<String, PresenceChanged> pending = new LinkedHashMap<>();
    private long lastFlush = Long.MIN_VALUE / 2;
    private boolean flushDue;

    public PresenceBatch(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /**
     * Adds a change; returns in how many milliseconds the batch should be flushed if no flush is
     * due yet, or -1 when one is already due (it will carry this change too).
     */
    public long add(PresenceChanged change, long now) {
        pending.remove(change.username()); // re-inserted: the batch lists users in the order of their latest change
        pending.put(change.username(), change);
        if (flushDue) return -1;
        flushDue = true;
        return Math.max(0, lastFlush + intervalMillis - now);
    }

    /** The batch to announce (empty if nothing changed), starting the next interval. */
    public List<PresenceChanged> flush(long now) {
        List<PresenceChanged> users = new ArrayList<>(pending.values());
        pending.clear();
        flushDue = false;
        lastFlush = now;
        return users;
    }
}
