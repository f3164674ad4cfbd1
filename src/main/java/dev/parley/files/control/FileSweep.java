package dev.parley.files.control;

import dev.parley.database.Database;
import dev.parley.operations.RefuseToStart;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes uploads attached to no message within {@code parley.file.unattached-ttl} (an hour), rows and
 * bytes, every {@code parley.file.sweep}, on a thread of its own from the container's managed thread
 * factory (as the retention sweep). Every node sweeps: a deletion is idempotent (a file two nodes both
 * pick is deleted once, the other's delete finds nothing), so no lease is needed, and the sweep is a few
 * small transactions an hour.
 */
@ApplicationScoped
public class FileSweep {
    private static final Logger LOG = Logger.getLogger(FileSweep.class.getName());
    static final int BATCH = 200;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    StoredFiles files;

    @Inject
    @ConfigProperty(name = "parley.file.unattached-ttl")
    String unattachedTtl;

    @Inject
    @ConfigProperty(name = "parley.file.sweep")
    String sweepEvery;

    private Duration keep;
    private ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    void start(@Observes @Priority(Database.MIGRATED) Startup started) {
        Duration every;
        try {
            keep = Duration.parse(unattachedTtl.strip());
            every = Duration.parse(sweepEvery.strip());
        } catch (DateTimeParseException bad) {
            throw RefuseToStart.because(LOG, "parley.file.unattached-ttl and parley.file.sweep must be ISO-8601 durations");
        }
        if (keep.isNegative() || every.isNegative() || every.isZero()) {
            throw RefuseToStart.because(LOG, "parley.file.unattached-ttl and parley.file.sweep must be positive");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = threads.newThread(task);
            t.setName("parley-file-sweep");
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (scheduler != null) scheduler.shutdownNow();
    }

    /** One sweep. Never throws: a failed run would end the schedule. */
    void sweep() {
        int deleted = 0;
        try {
            Instant cutoff = Instant.now().minus(keep);
            for (int n = BATCH; n == BATCH && !stopping; deleted += n) {
                n = files.sweepUnattached(cutoff, BATCH);
            }
        } catch (RuntimeException e) {
            // The class only: a persistence exception's message can carry SQL.
            LOG.log(Level.WARNING, "The sweep of unattached uploads failed ({0}); trying again at the next", e.getClass().getName());
        }
        if (deleted > 0) {
            int total = deleted;
            LOG.info(() -> "Deleted " + total + " uploads attached to no message within " + keep);
        }
    }
}
