package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.limits.control.RateLimits;
import dev.parley.support.Defaults;
import dev.parley.support.GridMembers;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user's REST write budget on two clustered nodes (real Hazelcast members), with the shipped budget: one bucket for both. */
@ExtendWith(GridMembers.class)
class WriteBudgetAcrossNodesTest {
    private static final int BURST = Defaults.integer("parley.rest.rate.burst");
    private static final double PER_SECOND = Defaults.decimal("parley.rest.rate.per-second");

    private final WriteBudget nodeA = on(GridMembers.a());
    private final WriteBudget nodeB = on(GridMembers.b());
    private final long user = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    @Test
    void writesOnBothNodesTakeFromOneBudgetWhichRefills() {
        long start = System.nanoTime();
        int taken = 0;
        while (taken < 3 * BURST && (taken % 2 == 0 ? nodeA : nodeB).take(user)) taken++;
        double seconds = (System.nanoTime() - start) / 1e9;
        int refilled = (int) (seconds * PER_SECOND) + 1;
        assertTrue(taken >= BURST && taken <= BURST + refilled,
                taken + " writes alternating between the nodes in " + seconds + " s: one budget of " + BURST + " (two would give " + 2 * BURST + ")");
        assertTrue(nodeA.take(user + 1), "another user has a budget of their own");
        Awaitility.await("a token refilled").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> nodeB.take(user));
        int more = 0;
        while (more < BURST && nodeA.take(user)) more++;
        assertTrue(more < BURST, "a refill gives tokens at the rate, not the whole burst back (" + more + ")");
    }

    @Test
    void aBucketFullAgainLeavesTheGrid() {
        assertTrue(nodeA.take(user));
        var map = GridMembers.b().getMap("parley.limits.rest-writes");
        assertTrue(map.containsKey(user));
        Awaitility.await("the entry expiring once full").atMost(Duration.ofSeconds(10)).until(() -> !map.containsKey(user));
    }

    private static WriteBudget on(HazelcastInstance member) {
        WriteBudget limit = new WriteBudget();
        limit.burst = BURST;
        limit.perSecond = PER_SECOND;
        limit.limits = RateLimits.onGrid(member);
        limit.init();
        return limit;
    }
}
