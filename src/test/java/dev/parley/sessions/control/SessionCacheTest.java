package dev.parley.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sessions.entity.EndReason;
import dev.parley.sessions.entity.LiveSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session cache: one load per session, and an ended session never comes back as live. */
class SessionCacheTest {
    private static final Instant LATER = Instant.now().plusSeconds(3600);

    private final SessionCache cache = cache();

    @Test
    void aSessionIsLoadedOnceThenServedFromMemory() {
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            LiveSession got = cache.get("s1", id -> {
                loads.incrementAndGet();
                return new LiveSession(id, 7, LATER, false, null);
            });
            assertTrue(got.isLive(Instant.now()));
        }
        assertEquals(1, loads.get());
    }

    @Test
    void anUnknownSessionIsNotRemembered() {
        AtomicInteger loads = new AtomicInteger();
        assertNull(cache.get("nope", id -> { loads.incrementAndGet(); return null; }));
        assertNull(cache.get("nope", id -> { loads.incrementAndGet(); return null; }));
        assertEquals(2, loads.get(), "a session created since is found on the next look");
    }

    @Test
    void anEndedSessionStaysEndedWhateverALateLoadSays() {
        cache.get("s1", id -> new LiveSession(id, 7, LATER, false, null));
        cache.forget(new SessionsEnded(List.of("s1"), EndReason.LOGOUT));
        cache.put(new LiveSession("s1", 7, LATER, false, null)); // a read from before the end committed
        assertTrue(cache.get("s1", id -> new LiveSession(id, 7, LATER, false, null)).ended());
    }

    @Test
    void aSessionEndedBeforeThisNodeSawItIsATombstoneWithoutALoad() {
        cache.forget(new SessionsEnded(List.of("elsewhere"), EndReason.REVOKED));
        cache.markEnded("unknown");
        for (String id : List.of("elsewhere", "unknown")) {
            LiveSession tombstone = cache.get(id, missing -> { throw new AssertionError("loaded " + missing); });
            assertTrue(tombstone.ended(), id);
            assertFalse(tombstone.isLive(Instant.now()), id);
        }
    }

    @Test
    void dueAreTheSessionsPastTheirTimeOrUnknownButNotTheEndedOnes() {
        Instant now = Instant.now();
        cache.put(new LiveSession("live", 1, now.plusSeconds(60), false, null));
        cache.put(new LiveSession("over", 1, now.minusSeconds(1), false, null));
        cache.put(new LiveSession("ended", 1, now.minusSeconds(1), true, null));
        assertEquals(List.of("over", "unknown"), cache.dueAmong(List.of("live", "over", "ended", "unknown"), now));
    }

    private static SessionCache cache() {
        SessionCache cache = new SessionCache();
        cache.tokenTtl = Duration.ofHours(12);
        return cache;
    }
}
