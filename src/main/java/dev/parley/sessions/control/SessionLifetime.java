package dev.parley.sessions.control;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a session ends by time: {@code tokenTtl} after it was last opened or refreshed, and in any
 * case {@code maxAge} after it was created, whatever refresh does.
 */
public record SessionLifetime(Duration tokenTtl, Duration maxAge) {

    /** The expiry a session opened or refreshed at {@code now} gets: never past its absolute lifetime. */
    public Instant expiryAt(Instant createdAt, Instant now) {
        Instant byToken = now.plus(tokenTtl);
        Instant absolute = createdAt.plus(maxAge);
        return (byToken.isBefore(absolute) ? byToken : absolute).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * When a session stored with this expiry ends: its expiry, or its absolute lifetime if that comes
     * first (a lifetime shortened since the session was opened applies to it too).
     */
    public Instant endOf(Instant createdAt, Instant expiresAt) {
        Instant absolute = createdAt.plus(maxAge);
        return expiresAt.isBefore(absolute) ? expiresAt : absolute;
    }

    public boolean isOver(Instant createdAt, Instant expiresAt, Instant now) {
        return !endOf(createdAt, expiresAt).isAfter(now);
    }
}
