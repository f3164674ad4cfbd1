package dev.parley.limits.control;

import dev.parley.errors.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One budget per user for the reads that cost the server (search, the people directory, joins and
 * leaves, {@code sync}), apart from the write budget: REST calls and socket events take from the same
 * buckets, so neither protocol is a way around the other. Sized so that a person never meets it; a
 * script that searches or joins in a loop does.
 */
@ApplicationScoped
public class ReadBudget extends UserBudget {
    public static final String REFUSAL = "Too many searches, joins or syncs; slow down";

    /**
     * Rooms and conversations a {@code sync} names per token: each named one is a query of up to
     * {@code History.SYNC_LIMIT} messages, so a sync costs what it names, while the usual reconnect
     * (a few rooms and conversations) costs one, as a search does.
     */
    static final int SYNC_NAMES_PER_TOKEN = 10;

    @Inject
    void size(@ConfigProperty(name = "parley.read.rate.burst") int burst,
              @ConfigProperty(name = "parley.read.rate.per-second") double perSecond) {
        size("reads", burst, perSecond);
    }

    /** Counts one costly read (a join, a leave), or {@link RateLimited} past the budget. */
    public void spend(long userId) {
        if (!take(userId)) throw new RateLimited(REFUSAL);
    }

    /**
     * Counts a {@code sync} naming {@code named} rooms and conversations, or {@link RateLimited} past the
     * budget. More than the burst's worth of names costs the burst: a user in very many conversations
     * can still sync once their budget is full.
     */
    public void spendOnSync(long userId, int named) {
        if (!take(userId, syncCost(named))) throw new RateLimited(REFUSAL);
    }

    /** One token per {@link #SYNC_NAMES_PER_TOKEN} names or part of it, at least one. */
    static int syncCost(int named) {
        return Math.max(1, (named - 1) / SYNC_NAMES_PER_TOKEN + 1);
    }
}
