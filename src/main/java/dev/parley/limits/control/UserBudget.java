package dev.parley.limits.control;

import dev.parley.limits.entity.Buckets;
import jakarta.inject.Inject;

/**
 * A token bucket per user, counted across the cluster on one ({@link RateLimits}): what the REST write
 * budget and the read budget share. Each sizes it from configuration keys of its own.
 */
public abstract class UserBudget {
    @Inject
    RateLimits limits;

    private Buckets<Long> byUser;
    private int burst;

    /** Makes the buckets; {@code name} tells this budget's from the other limits' on the grid. */
    void size(String name, int burst, double perSecond) {
        this.burst = burst;
        byUser = limits.buckets(name, burst, perSecond);
    }

    /** Whether the user may do one more now (and if so, it is counted). */
    public boolean take(long userId) {
        return byUser.take(userId);
    }

    /**
     * Whether the user may do what costs {@code cost} now (and if so, it is counted). A cost above the
     * burst is taken as the burst, so that such a request still goes through on a full budget.
     */
    boolean take(long userId, int cost) {
        return byUser.take(userId, Math.min(cost, burst));
    }
}
