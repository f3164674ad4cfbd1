package dev.parley.realtime.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatestChangesTest {
    private final LatestChanges changes = new LatestChanges(2);
    private final Instant t = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    void aChangeIsToldOnceAndAnOlderOneAfterANewerNever() {
        assertTrue(changes.newer(1, t.plusMillis(2)));
        assertFalse(changes.newer(1, t.plusMillis(2)), "the same change again");
        assertFalse(changes.newer(1, t.plusMillis(1)), "an older change, arriving late");
        assertTrue(changes.newer(1, t.plusMillis(3)));
    }

    @Test
    void theLeastRecentlyChangedAreForgotten() {
        changes.newer(1, t);
        changes.newer(2, t);
        changes.newer(3, t);
        assertTrue(changes.newer(1, t), "forgotten, so told again");
    }
}
