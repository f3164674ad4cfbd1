package dev.parley.limits.control;

import dev.parley.limits.entity.Buckets;
import dev.parley.errors.RateLimited;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * New accounts per client address (registrations and guest logins alike): each registration costs
 * a password hash (about half a second of CPU) and each account a row, so an address gets
 * {@code max} of them at once, refilled over {@code window}. Counted across the cluster on one
 * ({@link RateLimits}).
 */
@ApplicationScoped
public class SignupLimit {
    @Inject
    @ConfigProperty(name = "parley.signup.max-per-address")
    int max;

    @Inject
    @ConfigProperty(name = "parley.signup.window")
    Duration window;

    @Inject
    RateLimits limits;

    private Buckets<String> byAddress;

    @PostConstruct
    void init() {
        byAddress = limits.buckets("signups", max, max / (double) window.toSeconds());
    }

    /** Counts one new account from {@code address}, or {@link RateLimited} past the limit. */
    public void take(String address) {
        if (!byAddress.take(address)) throw new RateLimited("Too many new accounts from this address; try again later");
    }
}
