package dev.parley.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes guest accounts {@code parley.guest-retention} after their last session ended, as
 * {@code DELETE /api/users/me} would; only then is the name free again. A guest cannot log in
 * again by name, so an idle guest is an account nobody can reach. Each node sweeps on a
 * non-persistent EJB timer (a managed scheduled executor started at deployment ran its tasks
 * without the container's context, and the entity manager refused them); the row lock in
 * {@link Accounts#deleteIdleGuest} makes two nodes delete a guest once. A sweep reads only live
 * guests older than the retention (an index range), so it stays cheap however many there are.
 */
@Singleton
@Startup
@DependsOn("Database")
public class GuestRetention {
    private static final Logger LOG = Logger.getLogger(GuestRetention.class.getName());
    private static final int BATCH = 100;

    @Resource
    TimerService timers;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "parley.guest-retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "parley.guest-sweep-interval")
    Duration interval;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    /** Each deletion is a transaction of its own. Never throws: the timer would retry at once. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
