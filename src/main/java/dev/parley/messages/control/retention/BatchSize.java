package dev.parley.messages.control.retention;

/**
 * How many messages the sweep's next transaction deletes: the configured most while batches are quick,
 * halved while one takes longer than {@link #TARGET_MS} (the database is busy: posts wait behind the
 * same disk and CPU, and a long transaction holds its row locks longer), grown back while they are
 * quick again. Never below {@link #FLOOR}, so that a slow database still sees progress.
 */
final class BatchSize {
    static final long TARGET_MS = 250;
    static final int FLOOR = 10;

    private final int most;
    private int now;

    BatchSize(int most) {
        this.most = most;
        this.now = most;
    }

    int next() {
        return now;
    }

    /** The batch just deleted took {@code millis}. */
    void took(long millis) {
        if (millis > TARGET_MS) now = Math.max(Math.min(FLOOR, most), now / 2);
        else if (millis < TARGET_MS / 2) now = Math.min(most, now * 2);
    }
}
