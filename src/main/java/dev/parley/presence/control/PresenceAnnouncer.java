package dev.parley.presence.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Collects the presence changes this node sees (its own and other nodes') and announces them as one
 * {@link PresenceBatched} at most once per {@code parley.presence.batch-interval}, so that a socket
 * gets at most one {@code presence} event per interval however many users come and go.
 */
@ApplicationScoped
public class PresenceAnnouncer {
    @Inject
    Event<PresenceBatched> batched;

    @Inject
    @ConfigProperty(name = "parley.presence.batch-interval")
    Duration interval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private PresenceBatch batch;

    void collect(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceChanged change) {
        long delay;
        synchronized (this) {
            if (batch == null) batch = new PresenceBatch(interval.toMillis());
            delay = batch.add(change, now());
        }
        if (delay >= 0) scheduler.schedule(this::flush, delay, TimeUnit.MILLISECONDS);
    }

    /** Fired outside the lock: its observer broadcasts, and changes keep arriving meanwhile. */
    private void flush() {
        List<PresenceChanged> users;
        synchronized (this) {
            users = batch.flush(now());
        }
        if (!users.isEmpty()) batched.fire(new PresenceBatched(users));
    }

    private static long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
