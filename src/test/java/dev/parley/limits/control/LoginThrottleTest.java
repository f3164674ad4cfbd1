package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.limits.control.MemoryWindowCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle();

    @BeforeEach
    void defaults() {
        throttle.maxFailures = 10;
        throttle.maxFailuresPerAddress = 100;
        throttle.window = Duration.ofMinutes(15);
        throttle.failures = new MemoryWindowCounts(throttle.window, 100, clock);
    }

    @Test
    void tenFailuresForAUsernameLockThatUsernameFromThatAddressOnly() {
        fail("alice", "192.0.2.1", 9);
        assertFalse(throttle.isLocked("alice", "192.0.2.1"));
        fail("alice", "192.0.2.1", 1);
        assertTrue(throttle.isLocked("alice", "192.0.2.1"));
        assertFalse(throttle.isLocked("alice", "192.0.2.2"), "another address still gets in");
        assertFalse(throttle.isLocked("bob", "192.0.2.1"), "another username from that address still gets in");
    }

    @Test
    void aHundredFailuresAcrossUsernamesLockTheAddress() {
        for (int i = 0; i < 99; i++) fail("user" + i, "192.0.2.3", 1);
        assertFalse(throttle.isLocked("someone", "192.0.2.3"));
        fail("user99", "192.0.2.3", 1);
        assertTrue(throttle.isLocked("someone", "192.0.2.3"));
        assertFalse(throttle.isLocked("someone", "192.0.2.4"));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail("carol", "192.0.2.5", 10);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertFalse(throttle.isLocked("carol", "192.0.2.5"));
    }

    @Test
    void aSuccessClearsThePairButNotTheAddress() {
        fail("dave", "192.0.2.6", 9);
        for (int i = 0; i < 91; i++) fail("guess" + i, "192.0.2.6", 1);
        throttle.recordSuccess("dave", "192.0.2.6");
        assertTrue(throttle.isLocked("dave", "192.0.2.6"), "the address's 100 failures still count");
        assertTrue(throttle.isLocked("erin", "192.0.2.6"));
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) throttle.recordFailure(user, address);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
