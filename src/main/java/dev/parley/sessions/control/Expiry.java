package dev.parley.sessions.control;

import jakarta.annotation.PreDestroy;
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
 * Ends sessions whose time is up, as if a person had ended them (reason {@code expired}). Sessions
 * with sockets here are checked against the session cache twice a second, so that their sockets are
 * cut within a second of expiry at no cost per event; the database is asked only about those that
 * look expired. Sessions without sockets are ended by a slower sweep of the database, so that lists
 * of sessions and guest retention see them ended.
 */
@ApplicationScoped
public class Expiry {
    private static final Logger LOG = Logger.getLogger(Expiry.class.getName());
    private static final long TICK_MS = 500;
    private static final int SWEEP_BATCH = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Sessions sessions;

    @Inject
    SessionCache cache;

    @Inject
    ConnectedSessions connected;

    @Inject
    @ConfigProperty(name = "parley.session.expiry-sweep")
    Duration sweepEvery;

    private ScheduledFuture<?> tick;
    private ScheduledFuture<?> sweep;

    void start(@Observes Startup started) {
        tick = scheduler.scheduleWithFixedDelay(this::endConnected, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        long sweepMs = sweepEvery.toMillis();
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.cancel(false);
        if (sweep != null) sweep.cancel(false);
    }

    private void endConnected() {
        try {
            List<String> due = cache.dueAmong(connected.sessionIds(), Instant.now());
            if (!due.isEmpty()) sessions.endExpired(due);
        } catch (RuntimeException e) { // a failed run must not cancel the schedule
            LOG.log(Level.WARNING, "Ending expired sessions failed; trying again", e);
        }
    }

    private void sweep() {
        try {
            int ended;
            do {
                ended = sessions.endExpired(SWEEP_BATCH);
            } while (ended == SWEEP_BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping expired sessions failed; trying again", e);
        }
    }
}
