package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.errors.RateLimited;
import dev.parley.support.Defaults;
import dev.parley.support.GridMembers;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's REST write budget and read budget on two clustered nodes (real Hazelcast members), with the
 * shipped budgets: one bucket for both nodes.
 */
@ExtendWith(GridMembers.class)
class UserBudgetsAcrossNodesTest {
    private static final int BURST = Defaults.integer("parley.rest.rate.burst");
    private static final double PER_SECOND = Defaults.decimal("parley.rest.rate.per-second");
    private static final int READ_BURST = Defaults.integer("parley.read.rate.burst");
    private static final double READS_PER_SECOND = Defaults.decimal("parley.read.rate.per-second");

    private final WriteBudget nodeA = on(GridMembers.a(), new WriteBudget(), b -> b.size(BURST, PER_SECOND));
    private final WriteBudget nodeB = on(GridMembers.b(), new WriteBudget(), b -> b.size(BURST, PER_SECOND));
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

    @Test
    void aSyncOnOneNodeSpendsWhatItNamesFromTheReadBudgetTheOtherNodeSees() {
        ReadBudget readsA = on(GridMembers.a(), new ReadBudget(), b -> b.size(READ_BURST, READS_PER_SECOND));
        ReadBudget readsB = on(GridMembers.b(), new ReadBudget(), b -> b.size(READ_BURST, READS_PER_SECOND));
        long start = System.nanoTime();
        readsA.spendOnSync(user, (READ_BURST - 2) * ReadBudget.SYNC_NAMES_PER_TOKEN); // all but two tokens
        int taken = 0;
        while (taken < READ_BURST && readsB.take(user)) taken++;
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(taken >= 2 && taken <= 2 + (int) (seconds * READS_PER_SECOND) + 1, taken + " reads on node B after the sync on A, in " + seconds + " s");
        assertThrows(RateLimited.class, () -> readsA.spendOnSync(user, 1));
        assertFalse(readsB.take(user));
        assertTrue(nodeA.take(user), "the write budget is another");
    }

    /** {@code budget} counted on {@code member}'s grid, sized as {@code size} says (as its configuration would). */
    private static <B extends UserBudget> B on(HazelcastInstance member, B budget, Consumer<B> size) {
        budget.limits = RateLimits.onGrid(member);
        size.accept(budget);
        return budget;
    }
}
