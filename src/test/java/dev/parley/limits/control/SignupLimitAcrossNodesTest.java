package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.errors.RateLimited;
import dev.parley.limits.control.RateLimits;
import dev.parley.support.Defaults;
import dev.parley.support.GridMembers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** New accounts per address on two clustered nodes (real Hazelcast members), with the shipped limit: one count for both. */
@ExtendWith(GridMembers.class)
class SignupLimitAcrossNodesTest {
    private static final int MAX = Defaults.integer("parley.signup.max-per-address");

    @Test
    void newAccountsOnBothNodesCountTowardOneLimit() {
        SignupLimit nodeA = on(GridMembers.a());
        SignupLimit nodeB = on(GridMembers.b());
        String address = "198.51.100.7-" + UUID.randomUUID();
        for (int i = 0; i < MAX; i++) (i % 2 == 0 ? nodeA : nodeB).take(address);
        assertThrows(RateLimited.class, () -> nodeA.take(address));
        assertThrows(RateLimited.class, () -> nodeB.take(address));
        nodeB.take(address + "-other"); // another address is not held up
    }

    private static SignupLimit on(HazelcastInstance member) {
        SignupLimit limit = new SignupLimit();
        limit.max = MAX;
        limit.window = Defaults.duration("parley.signup.window");
        limit.limits = RateLimits.onGrid(member);
        limit.init();
        return limit;
    }
}
