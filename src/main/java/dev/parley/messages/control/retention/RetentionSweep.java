package dev.parley.messages.control.retention;

import dev.parley.database.Database;
import dev.parley.messages.control.retention.RetentionBatches.Cursor;
import dev.parley.messages.control.retention.RetentionBatches.OwnRetention;
import dev.parley.messages.control.retention.RetentionBatches.Removed;
import dev.parley.operations.Meters;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes messages past their retention for good (contract, "Retention"): every
 * {@code PARLEY_RETENTION_SWEEP}, first each room with a retention of its own, then everything that
 * follows the server's {@code PARLEY_RETENTION} (rooms without their own, direct conversations), in
 * bounded batches of short transactions ({@link RetentionBatches}) that never lock a room, so that a
 * million old messages never make a room's posts wait (measured in docs/performance.md). One node of those sharing the database sweeps at a time
 * ({@link SweepLease}). A bad setting stops the server at startup.
 *
 * <p>The sweep runs on a thread of its own (from the container's managed thread factory), not on the
 * container's shared managed scheduled executor like the guest sweep: a sweep of a million messages
 * takes minutes, and that executor also runs the session expiry ticks and the delivery sequencer's
 * waits, which must not queue behind it.
 */
@ApplicationScoped
public class RetentionSweep {
    private static final Logger LOG = Logger.getLogger(RetentionSweep.class.getName());
    /** How long a lease outlasts its last renewal: a holder that stops is replaced within this. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The first sweep after startup comes within this, not a whole interval later. */
    static final Duration FIRST_SWEEP_WITHIN = Duration.ofMinutes(1);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    RetentionBatches batches;

    @Inject
    SweepLease lease;

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = "parley.retention")
    Optional<String> retention;

    @Inject
    @ConfigProperty(name = "parley.retention-sweep")
    Optional<String> sweepEvery;

    @Inject
    @ConfigProperty(name = "parley.retention-batch")
    Optional<String> batch;

    private final String node = UUID.randomUUID().toString();
    private RetentionSettings settings;
    private ScheduledExecutorService scheduler;
    private Meters.Counter deleted;
    private volatile double lastSweepSeconds;
    private volatile boolean stopping;

    void start(@Observes @Priority(Database.MIGRATED) Startup started) {
        try {
            settings = RetentionSettings.of(retention.orElse(null), sweepEvery.orElse(null), batch.orElse(null));
        } catch (IllegalArgumentException bad) {
            throw RefuseToStart.because(LOG, bad.getMessage()); // names the setting and its value: no secret
        }
        deleted = meters.counter("parley_retention_deleted_messages", "Messages deleted for good by the retention sweep");
        meters.gauge("parley_retention_last_sweep_seconds", "How long the last retention sweep on this node took", () -> lastSweepSeconds);
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = threads.newThread(task);
            t.setName("parley-retention-sweep");
            return t;
        });
        long every = settings.sweepEvery().toMillis();
        long first = Math.min(every, FIRST_SWEEP_WITHIN.toMillis());
        scheduler.scheduleWithFixedDelay(this::sweep, first, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Retention: " + settings.server().map(r -> "messages kept for " + r.text()).orElse("messages kept (no PARLEY_RETENTION)")
                + " unless a room says otherwise; swept every " + settings.sweepEvery());
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (scheduler == null) return;
        scheduler.shutdownNow();
        try {
            if (scheduler.awaitTermination(5, TimeUnit.SECONDS)) lease.release(node, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The database may be gone already: the lease then runs out by itself.
        }
    }

    /** One sweep, if this node holds the lease. Never throws: a failed run would end the schedule. */
    void sweep() {
        long began = System.nanoTime();
        Totals totals = new Totals();
        try {
            if (!renew()) return;
            Instant now = Instant.now();
            BatchSize size = new BatchSize(settings.batch());
            for (OwnRetention room : batches.roomsWithOwnRetention()) {
                Optional<Instant> cutoff = settings.roomCutoff(room.retention(), now);
                if (cutoff.isEmpty()) {
                    LOG.warning(() -> "Retention: room " + room.roomId() + " has a retention that is not an ISO-8601 duration; its messages are kept");
                    continue;
                }
                while (!stopping) {
                    if (!renew()) return;
                    Removed removed = timed(size, () -> batches.inRoom(room.roomId(), cutoff.get(), size.next()));
                    totals.add(removed);
                    if (removed.messages() == 0) break;
                }
            }
            Optional<Instant> cutoff = settings.conversationCutoff(now);
            Cursor from = Cursor.START;
            while (cutoff.isPresent() && !stopping) {
                if (!renew()) return;
                Cursor after = from;
                Removed removed = timed(size, () -> batches.byServerRetention(cutoff.get(), after, size.next()));
                totals.add(removed);
                if (removed.last() == null) break;
                from = removed.last();
            }
            // Held until this node's next sweep: the others skip theirs, so the cluster sweeps once an interval.
            lease.hold(node, Instant.now(), Instant.now().plus(settings.sweepEvery()).plus(LEASE));
        } catch (RuntimeException e) {
            // The class only: a persistence exception's message can carry SQL.
            LOG.log(Level.WARNING, "Retention sweep failed ({0}) after deleting {1} messages; trying again in {2}",
                    new Object[] {e.getClass().getName(), totals.messages, settings.sweepEvery()});
        } finally {
            if (totals.batches > 0 || totals.messages > 0) lastSweepSeconds = (System.nanoTime() - began) / 1e9;
            if (totals.messages > 0) {
                LOG.info(() -> "Retention sweep deleted " + totals.messages + " messages (" + totals.reactions + " reactions, "
                        + totals.mentions + " mentions, " + totals.files + " files, " + totals.replies + " replies left answering nothing) in " + totals.batches
                        + " batches, " + Math.round(lastSweepSeconds * 1000) + " ms");
            }
        }
    }

    private boolean renew() {
        Instant now = Instant.now();
        return lease.hold(node, now, now.plus(LEASE));
    }

    private Removed timed(BatchSize size, java.util.function.Supplier<Removed> batch) {
        long t = System.nanoTime();
        Removed removed = batch.get();
        size.took((System.nanoTime() - t) / 1_000_000);
        if (removed.messages() > 0) deleted.inc(removed.messages());
        return removed;
    }

    /** What one sweep removed so far. */
    private static final class Totals {
        long messages, reactions, mentions, files, replies, batches;

        void add(Removed r) {
            messages += r.messages();
            reactions += r.reactions();
            mentions += r.mentions();
            files += r.files();
            replies += r.replies();
            batches++;
        }
    }
}
