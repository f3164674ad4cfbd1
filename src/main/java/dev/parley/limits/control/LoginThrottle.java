package dev.parley.limits.control;

import dev.parley.limits.entity.WindowCounts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins in a sliding window, per username from one address and per address across
 * usernames; past either limit, that pair (or that address) is refused before the password is even
 * checked. Failures never lock a username as such: a correct password from an address that has not
 * failed still gets in, so nobody can lock another person out. On a cluster the counts are the
 * cluster's ({@link RateLimits}): a guesser spread over nodes gets the limits once.
 */
@ApplicationScoped
public class LoginThrottle {
    @Inject
    @ConfigProperty(name = "parley.login.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "parley.login.max-failures-per-address")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "parley.login.failure-window")
    Duration window;

    @Inject
    RateLimits limits;

    WindowCounts failures;

    @PostConstruct
    void init() {
        failures = limits.windowCounts("login-failures", window, Math.max(maxFailures, maxFailuresPerAddress));
    }

    /** Whether a login for this username from this address is refused now. */
    public boolean isLocked(String usernameKey, String address) {
        int[] counts = failures.counts(pair(usernameKey, address), ofAddress(address));
        return counts[0] >= maxFailures || counts[1] >= maxFailuresPerAddress;
    }

    public void recordFailure(String usernameKey, String address) {
        failures.add(pair(usernameKey, address), ofAddress(address));
    }

    /**
     * The pair's count starts again. The address's does not: one account of one's own would
     * otherwise let a guesser wipe the address's count as often as they liked.
     */
    public void recordSuccess(String usernameKey, String address) {
        failures.clear(pair(usernameKey, address));
    }

    private static String pair(String usernameKey, String address) {
        return "pair:" + address + " " + usernameKey;
    }

    private static String ofAddress(String address) {
        return "addr:" + address;
    }
}
