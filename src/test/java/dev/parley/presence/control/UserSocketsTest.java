package dev.parley.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserSocketsTest {
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private final UserSockets user = new UserSockets();

    @Test
    void theFirstSocketAnywhereBringsTheUserOnlineOnce() {
        assertNotNull(user.connected(7, A, "ann", "Ann", false, 1, 1000));
        assertNull(user.connected(7, B, "ann", "Ann", false, 2, 1001), "already online");
        assertEquals(2, user.connected());
    }

    @Test
    void theGracePeriodStartsWithTheLastSocketAnywhereAndOnlyItsOwnerEndsIt() {
        user.connected(7, A, "ann", "Ann", false, 1, 1000);
        user.connected(7, B, "ann", "Ann", false, 2, 1000);
        assertEquals(UserSockets.NO_GRACE, user.disconnected(A));
        long token = user.disconnected(B);
        assertNotEquals(UserSockets.NO_GRACE, token);
        assertNull(user.expire(7, A, token, 3), "A does not own this grace period");
        PresenceAnnounced offline = user.expire(7, B, token, 3);
        assertNotNull(offline);
        assertFalse(offline.online());
        assertTrue(user.isEmpty());
    }

    @Test
    void aTimerOvertakenByALaterDisconnectDoesNothing() {
        user.connected(7, A, "ann", "Ann", false, 1, 1000);
        long first = user.disconnected(A);
        user.connected(7, B, "ann", "Ann", false, 2, 1000); // back, on B
        assertNull(user.expire(7, A, first, 3), "she has a socket");
        long second = user.disconnected(B);
        assertNull(user.expire(7, A, first, 4), "B's grace period is running");
        assertNotNull(user.expire(7, B, second, 5));
    }

    @Test
    void aNodeThatLeavesTakesItsSocketsAndItsGracePeriodsWithIt() {
        user.connected(7, A, "ann", "Ann", false, 1, 1000);
        long token = user.nodeGone(A, B);
        assertNotEquals(UserSockets.NO_GRACE, token, "B takes over");
        assertEquals(UserSockets.NO_GRACE, user.nodeGone(A, A), "a second survivor finds nothing left to do");
        assertNotNull(user.expire(7, B, token, 2));

        UserSockets other = new UserSockets();
        other.connected(8, A, "bob", "Bob", false, 1, 1000);
        long aGrace = other.disconnected(A);
        long bGrace = other.nodeGone(A, B);
        assertNotEquals(aGrace, bGrace, "A's grace period, gone with it, is run by B");
        assertNotNull(other.expire(8, B, bGrace, 2));
    }

    @Test
    void theCapCountsEveryNodesSockets() {
        for (int i = 0; i < 3; i++) assertTrue(user.admit(A, 5));
        for (int i = 0; i < 2; i++) assertTrue(user.admit(B, 5));
        assertFalse(user.admit(A, 5));
        user.release(B);
        assertTrue(user.admit(A, 5));
    }

    @Test
    void versionsGrowAndRespectTheFloor() {
        PresenceAnnounced online = user.connected(7, A, "ann", "Ann", false, 5000, 1000);
        assertEquals(5000, online.version());
        PresenceAnnounced renamed = user.renamed(7, "Annie", 10);
        assertEquals(5001, renamed.version(), "never backwards, whatever the floor");
    }
}
