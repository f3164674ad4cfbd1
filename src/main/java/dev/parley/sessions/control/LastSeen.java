package dev.parley.sessions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a session's {@code lastSeenAt} current without a write per request: at most one write a
 * minute per session, off the caller's thread.
 */
@ApplicationScoped
public class LastSeen {
    private static final Duration GRANULARITY = Duration.ofMinutes(1);
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Inject
    LastSeen self;

    void touch(String sessionId, Instant now) {
        Instant last = written.get(sessionId);
        if (last != null && last.plus(GRANULARITY).isAfter(now)) return;
        if (written.size() > 100_000) written.values().removeIf(t -> t.plus(GRANULARITY).isBefore(now));
        written.put(sessionId, now);
        executor.execute(() -> self.write(sessionId, now));
    }

    /** The session row was just written with this {@code lastSeenAt}: nothing to write for a while. */
    void wrote(String sessionId, Instant when) {
        written.put(sessionId, when);
    }

    void forget(String sessionId) {
        written.remove(sessionId);
    }

    @Transactional
    public void write(String sessionId, Instant when) {
        em.createQuery("UPDATE Session s SET s.lastSeenAt = :when WHERE s.id = :id AND s.endedAt IS NULL")
                .setParameter("when", when.truncatedTo(ChronoUnit.MILLIS))
                .setParameter("id", sessionId)
                .executeUpdate();
    }
}
