package dev.parley.limits.control;

import dev.parley.limits.entity.Buckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One write budget per user for REST (posts, rooms, read markers, edits, reactions, invites), the
 * same size as a socket's event budget by default, so that REST is no way around the socket limits.
 * Counted across the cluster on one ({@link RateLimits}).
 */
@ApplicationScoped
public class WriteBudget {
    @Inject
    @ConfigProperty(name = "parley.rest.rate.burst")
    int burst;

    @Inject
    @ConfigProperty(name = "parley.rest.rate.per-second")
    double perSecond;

    @Inject
    RateLimits limits;

    private Buckets<Long> byUser;

    @PostConstruct
    void init() {
        byUser = limits.buckets("rest-writes", burst, perSecond);
    }

    /** Whether the user may write once more now (and if so, it is counted). */
    public boolean take(long userId) {
        return byUser.take(userId);
    }
}
