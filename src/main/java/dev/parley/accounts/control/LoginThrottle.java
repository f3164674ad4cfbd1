package dev.parley.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins in a sliding window, per username from one address and per address across
 * usernames; past either limit, that pair (or that address) is refused before the password is even
 * checked. Failures never lock a username as such: a correct password from an address that has not
 * failed still gets in, so nobody can lock another person out. Kept per node: on a cluster a guesser
 * spread over nodes gets the limits once per node.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final int PRUNE_ABOVE = 100_000;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "parley.login.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "parley.login.max-failures-per-address")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "parley.login.failure-window")
    Duration window;

    Clock clock = Clock.systemUTC();

    /** Whether a login for this username from this address is refused now. */
    public boolean isLocked(String usernameKey, String address) {
        return count(pair(usernameKey, address)) >= maxFailures || count(ofAddress(address)) >= maxFailuresPerAddress;
    }

    public void recordFailure(String usernameKey, String address) {
        add(pair(usernameKey, address));
        add(ofAddress(address));
    }

    /**
     * The pair's count starts again. The address's does not: one account of one's own would
     * otherwise let a guesser wipe the address's count as often as they liked.
     */
    public void recordSuccess(String usernameKey, String address) {
        failures.remove(pair(usernameKey, address));
    }

    private static String pair(String usernameKey, String address) {
        return "pair:" + address + " " + usernameKey;
    }

    private static String ofAddress(String address) {
        return "addr:" + address;
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return 0;
        synchronized (times) {
            prune(times);
            return times.size();
        }
    }

    private void add(String key) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(d -> { synchronized (d) { prune(d); return d.isEmpty(); } });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            while (times.size() > Math.max(maxFailures, maxFailuresPerAddress)) times.removeFirst();
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) times.removeFirst();
    }
}
