package dev.parley.sessions.control;

import dev.parley.sessions.entity.LiveSession;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Live sessions by id, so that checking a token once warm costs no query. An ended session stays
 * as a tombstone rather than being removed: a lookup that read the database just before the end
 * committed cannot put it back as live. Sessions never come back, so a tombstone is always right.
 */
@ApplicationScoped
public class SessionCache {
    private static final int PRUNE_ABOVE = 50_000;
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

    /** A token outlives no tombstone: a session unknown here is kept ended for as long as its token could live. */
    @Inject
    @ConfigProperty(name = "parley.token-ttl")
    Duration tokenTtl;

    LiveSession get(String sessionId, Function<String, LiveSession> load) {
        LiveSession cached = sessions.get(sessionId);
        if (cached != null) return cached;
        LiveSession loaded = load.apply(sessionId);
        if (loaded == null) return null;
        if (sessions.size() > PRUNE_ABOVE) prune();
        LiveSession raced = sessions.putIfAbsent(sessionId, loaded);
        return raced != null ? raced : loaded;
    }

    void put(LiveSession session) {
        sessions.merge(session.id(), session, (old, fresh) -> old.ended() ? old : fresh);
    }

    /** Ended as far as the database knows (by another node, say), before this node heard of it. */
    void markEnded(String sessionId) {
        Instant keepUntil = Instant.now().plus(tokenTtl);
        sessions.compute(sessionId, (k, old) -> old == null
                ? new LiveSession(sessionId, -1, keepUntil, true, null)
                : old.asEnded(keepUntil));
    }

    /**
     * Which of these sessions this node believes have run out of time and not yet ended; sessions
     * it knows nothing of are included, for the database to decide. No query.
     */
    List<String> dueAmong(Collection<String> sessionIds, Instant now) {
        List<String> due = new ArrayList<>();
        for (String id : sessionIds) {
            LiveSession known = sessions.get(id);
            if (known == null || (!known.ended() && !known.isLive(now))) due.add(id);
        }
        return due;
    }

    // Before any other observer: a socket connecting meanwhile re-checks its session and must see it ended.
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.PLATFORM_BEFORE) SessionsEnded ended) {
        ended.sessionIds().forEach(this::markEnded);
    }

    private void prune() {
        Instant now = Instant.now();
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
    }
}
