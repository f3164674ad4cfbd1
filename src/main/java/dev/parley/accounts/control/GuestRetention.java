package dev.parley.accounts.control;

import dev.parley.database.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes guest accounts {@code parley.guest-retention} after their last session ended, as
 * {@code DELETE /api/users/me} would; only then is the name free again. A guest cannot log in
 * again by name, so an idle guest is an account nobody can reach. Each node sweeps on a
 * managed scheduled executor, started by CDI's {@code Startup} event (started from an EJB's
 * {@code @PostConstruct} its tasks ran without the container's context); the row lock in
 * {@link Accounts#deleteIdleGuest} makes two nodes delete a guest once. A sweep reads only live
 * guests older than the retention (an index range), so it stays cheap however many there are.
 */
@ApplicationScoped
public class GuestRetention {
    private static final Logger LOG = Logger.getLogger(GuestRetention.class.getName());
    private static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "parley.guest-retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "parley.guest-sweep-interval")
    Duration interval;

    void start(@Observes @Priority(Database.MIGRATED) Startup started) {
        sweeps = scheduler.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) sweeps.cancel(false);
    }

    /** Each deletion is a transaction of its own. Never throws: a failed run would end the schedule. */
    void sweep() {
        try {
            Instant horizon = Instant.now().minus(retention);
            int total = 0;
            List<Long> due;
            int deleted;
            do {
                due = accounts.guestsIdleSince(horizon, BATCH);
                deleted = 0;
                for (long id : due) {
                    if (accounts.deleteIdleGuest(id, horizon)) deleted++;
                }
                total += deleted;
            } while (due.size() == BATCH && deleted > 0);
            if (total > 0) LOG.log(Level.FINE, "Deleted {0} idle guest accounts", total);
        } catch (RuntimeException e) {
            // The class only: a persistence exception's message can carry SQL.
            LOG.log(Level.WARNING, "Guest sweep failed ({0}); retrying in {1}", new Object[] {e.getClass().getName(), interval});
        }
    }
}
