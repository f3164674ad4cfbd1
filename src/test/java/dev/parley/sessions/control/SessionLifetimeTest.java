package dev.parley.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12), Duration.ofDays(30));

    @Test
    void aNewSessionLivesOneTokenLifetime() {
        assertEquals(CREATED.plus(Duration.ofHours(12)), lifetime.expiryAt(CREATED, CREATED));
    }

    @Test
    void refreshingExtendsByATokenLifetimeFromNow() {
        Instant now = CREATED.plus(Duration.ofDays(3));
        assertEquals(now.plus(Duration.ofHours(12)), lifetime.expiryAt(CREATED, now));
    }

    @Test
    void refreshingNeverGoesPastTheAbsoluteLifetime() {
        Instant lateRefresh = CREATED.plus(Duration.ofDays(30)).minus(Duration.ofHours(1));
        assertEquals(CREATED.plus(Duration.ofDays(30)), lifetime.expiryAt(CREATED, lateRefresh));
    }

    @Test
    void aSessionEndsAtItsExpiryOrItsAbsoluteLifetimeWhicheverComesFirst() {
        Instant expiry = CREATED.plus(Duration.ofHours(12));
        assertEquals(expiry, lifetime.endOf(CREATED, expiry));
        // stored under a longer lifetime than the one configured now
        assertEquals(CREATED.plus(Duration.ofDays(30)), lifetime.endOf(CREATED, CREATED.plus(Duration.ofDays(60))));
    }

    @Test
    void overAtTheInstantOfItsEndNotBefore() {
        Instant expiry = CREATED.plus(Duration.ofHours(12));
        assertFalse(lifetime.isOver(CREATED, expiry, expiry.minusMillis(1)));
        assertTrue(lifetime.isOver(CREATED, expiry, expiry));
    }

    @Test
    void expiriesAreWholeMilliseconds() {
        Instant now = CREATED.plusNanos(1_234_567);
        assertEquals(0, lifetime.expiryAt(CREATED, now).getNano() % 1_000_000);
    }
}
