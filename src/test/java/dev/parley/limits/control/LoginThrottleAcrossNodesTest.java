package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.limits.control.RateLimits;
import dev.parley.support.Defaults;
import dev.parley.support.GridMembers;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login throttle of two clustered nodes, each on its own real Hazelcast member, with the shipped
 * limits: failures counted on either node add up, so a guesser spread over nodes gets the limits once.
 */
@ExtendWith(GridMembers.class)
class LoginThrottleAcrossNodesTest {
    private static final int MAX = Defaults.integer("parley.login.max-failures");
    private static final int MAX_PER_ADDRESS = Defaults.integer("parley.login.max-failures-per-address");
    private static final Duration WINDOW = Defaults.duration("parley.login.failure-window");

    private final LoginThrottle nodeA = on(GridMembers.a(), WINDOW);
    private final LoginThrottle nodeB = on(GridMembers.b(), WINDOW);
    private final String address = "192.0.2." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID(); // a key no other test uses

    @Test
    void failuresForAUsernameOnBothNodesLockThatPairOnBoth() {
        for (int i = 0; i < MAX - 1; i++) (i % 2 == 0 ? nodeA : nodeB).recordFailure("alice", address);
        assertFalse(nodeA.isLocked("alice", address), MAX - 1 + " failures lock nothing");
        assertFalse(nodeB.isLocked("alice", address));
        nodeB.recordFailure("alice", address);
        assertTrue(nodeA.isLocked("alice", address), "node A counts node B's failures");
        assertTrue(nodeB.isLocked("alice", address));
        assertFalse(nodeA.isLocked("alice", address + "x"), "another address still gets in");
        assertFalse(nodeB.isLocked("bob", address), "another username from that address still gets in");
    }

    @Test
    void failuresAcrossUsernamesOnBothNodesLockTheAddressOnBoth() {
        for (int i = 0; i < MAX_PER_ADDRESS - 1; i++) (i % 2 == 0 ? nodeA : nodeB).recordFailure("user" + i, address);
        assertFalse(nodeA.isLocked("someone", address));
        assertFalse(nodeB.isLocked("someone", address));
        nodeA.recordFailure("last", address);
        assertTrue(nodeA.isLocked("someone", address));
        assertTrue(nodeB.isLocked("someone", address));
    }

    @Test
    void aSuccessOnOneNodeClearsThePairCountedOnTheOther() {
        for (int i = 0; i < MAX - 1; i++) nodeB.recordFailure("carol", address);
        nodeA.recordSuccess("carol", address);
        for (int i = 0; i < MAX - 1; i++) nodeB.recordFailure("carol", address);
        assertFalse(nodeA.isLocked("carol", address), "the count started again at the success");
        nodeB.recordFailure("carol", address);
        assertTrue(nodeA.isLocked("carol", address));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCountAndTheirEntriesGo() {
        LoginThrottle shortA = on(GridMembers.a(), Duration.ofSeconds(2));
        LoginThrottle shortB = on(GridMembers.b(), Duration.ofSeconds(2));
        for (int i = 0; i < MAX; i++) (i % 2 == 0 ? shortA : shortB).recordFailure("dave", address);
        assertTrue(shortB.isLocked("dave", address));
        Awaitility.await("the window passing").atMost(Duration.ofSeconds(10))
                .until(() -> !shortA.isLocked("dave", address) && !shortB.isLocked("dave", address));
        var map = GridMembers.b().getMap("parley.limits.login-failures");
        Awaitility.await("the entries expiring").atMost(Duration.ofSeconds(10))
                .until(() -> !map.containsKey("pair:" + address + " dave") && !map.containsKey("addr:" + address));
    }

    /** The throttle as a node on {@code member} builds it, with the shipped limits and {@code window}. */
    private static LoginThrottle on(HazelcastInstance member, Duration window) {
        LoginThrottle throttle = new LoginThrottle();
        throttle.maxFailures = MAX;
        throttle.maxFailuresPerAddress = MAX_PER_ADDRESS;
        throttle.window = window;
        throttle.limits = RateLimits.onGrid(member);
        throttle.init();
        return throttle;
    }
}
