package dev.parley.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per username and per client address in a sliding window; past the limit,
 * further attempts are refused before the password is even checked. Kept per node: on a cluster
 * a guesser spread over nodes gets the limit once per node.
 */
@ApplicationScoped
public class LoginThrottle {
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "parley.login.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "parley.login.failure-window")
    Duration window;

    public boolean isLocked(String usernameKey, String address) {
        return count("user:" + usernameKey) >= maxFailures || count("addr:" + address) >= maxFailures;
    }

    public void recordFailure(String usernameKey, String address) {
        add("user:" + usernameKey);
        add("addr:" + address);
    }

    public void recordSuccess(String usernameKey) {
        failures.remove("user:" + usernameKey);
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
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(Instant.now());
        }
        if (failures.size() > 100_000) {
            failures.values().removeIf(d -> { synchronized (d) { prune(d); return d.isEmpty(); } });
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = Instant.now().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) times.removeFirst();
    }
}
