package dev.parley.messages.control.retention;

/**
 * How many messages the sweep's next transaction deletes: the configured most while batches are quick,
 * halved while one takes longer than {@link #TARGET_MS} (the database is busy: posts wait behind the
 * same disk and CPU, and a long transaction holds its row locks longer), grown back while they are
 * quick again. Never below {@link #FLOOR}, so that a slow database still sees progress. Between
 * batches the sweep rests as long as the last one took ({@link #restMillis}): it works at most half the
 * time, so that on a server already busy posting it takes at most about half a core from the posts
 * (measured: without the rest, 200 posts/s on one core fell behind while a million were swept).
 */
final class BatchSize {
    static final long TARGET_MS = 250;
    static final int FLOOR = 10;

    private final int most;
    private int now;
    private long last;

    BatchSize(int most) {
        this.most = most;
        this.now = most;
    }

    int next() {
        return now;
    }

    /** How long to rest after a batch that took {@code millis}. */
    long restMillis() {
        return last;
    }

    /** The batch just deleted took {@code millis}. */
    void took(long millis) {
        last = millis;
        if (millis > TARGET_MS) now = Math.max(Math.min(FLOOR, most), now / 2);
        else if (millis < TARGET_MS / 2) now = Math.min(most, now * 2);
    }
}
