package dev.parley.sessions.control;

import dev.parley.accounts.control.AccountDeleted;
import dev.parley.accounts.control.AccountDisabled;
import dev.parley.accounts.control.Bots;
import dev.parley.accounts.control.PasswordChanged;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.NotFound;
import dev.parley.errors.Unauthorized;
import dev.parley.sessions.entity.EndReason;
import dev.parley.sessions.entity.LiveSession;
import dev.parley.sessions.entity.Session;
import dev.parley.sessions.entity.SessionsOfUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions: opening one at login, checking one on every request and socket, and ending them. Every
 * way of ending sessions, whichever protocol asked, goes through {@link #endWhere} and fires one
 * {@link SessionsEnded}.
 */
@ApplicationScoped
@Transactional
public class Sessions {
    @PersistenceContext
    EntityManager em;

    @Inject
    Tokens tokens;

    @Inject
    SessionCache cache;

    @Inject
    Event<SessionsEnded> ended;

    @Inject
    @ConfigProperty(name = "parley.token-ttl")
    Duration tokenTtl;

    @Inject
    @ConfigProperty(name = "parley.session-max-age")
    Duration maxAge;

    @Inject
    LastSeen lastSeen;

    @Inject
    Bots bots;

    /**
     * A new session and its first token. The account's row is locked and read again first: an admin
     * disabling it meanwhile (who locks the row too) either sees this session and ends it, or is seen
     * here and the login is refused.
     */
    public Login open(User user, String userAgent, String ip) {
        User current = em.find(User.class, user.id(), LockModeType.PESSIMISTIC_WRITE);
        if (current == null || current.deleted()) throw new Unauthorized("This account has been deleted");
        if (current.disabled()) throw new Forbidden("This account has been disabled by an administrator");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the contract shows milliseconds
        Session session = new Session(user.id(), lifetime().expiryAt(now, now), userAgent, ip);
        em.persist(session);
        cache.put(new LiveSession(session.id(), user.id(), session.expiresAt(), false, null));
        lastSeen.wrote(session.id(), session.lastSeenAt()); // else the first socket's connect would write it again
        return new Login(tokens.issue(user.id(), user.username(), session.id(), session.expiresAt()), session, user);
    }

    /**
     * A fresh token for a live session, which lives on until the new token's expiry, but never past
     * its absolute lifetime.
     */
    public Login refresh(String sessionId) {
        Session session = em.find(Session.class, sessionId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (session == null || !session.isLive(now) || lifetime().isOver(session.createdAt(), session.expiresAt(), now)) {
            throw new Unauthorized("This session has ended");
        }
        session.extendTo(lifetime().expiryAt(session.createdAt(), now));
        session.seenAt(now);
        cache.put(liveOf(session));
        User user = em.find(User.class, session.userId());
        return new Login(tokens.issue(user.id(), user.username(), session.id(), session.expiresAt()), session, user);
    }

    /**
     * The live session behind a token, or {@link Unauthorized}. A personal access token must be the
     * very token handed out (its hash matches): a token is only what its owner was given. Cached: no
     * query once warm.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveSession requireLive(String sessionId, String presentedToken) {
        LiveSession session = requireLive(sessionId);
        if (session.isToken() && !TokenHash.matches(presentedToken, session.tokenHash())) {
            throw new Unauthorized("This session has ended");
        }
        return session;
    }

    /** The live session behind a token already checked by {@link #requireLive(String, String)}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveSession requireLive(String sessionId) {
        LiveSession session = cache.get(sessionId, this::load);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (session != null && !session.ended() && !session.isLive(now)) {
            // Expired as far as this node knows; another node may have refreshed it since.
            session = load(sessionId);
            if (session != null && session.isLive(now)) cache.put(session);
        }
        if (session == null || !session.isLive(now)) throw new Unauthorized("This session has ended");
        lastSeen.touch(sessionId, now);
        return session;
    }

    /**
     * Why a session that {@link #requireLive} refused is over: the reason it was ended with, or
     * {@code expired} when it ran out of time and no sweep has ended it yet.
     */
    public EndReason whyOver(String sessionId) {
        Session session = em.find(Session.class, sessionId);
        return session != null && session.endReason() != null ? session.endReason() : EndReason.EXPIRED;
    }

    /** The user's live logins (not their tokens). */
    public List<Session> live(long userId) {
        Instant now = Instant.now();
        return em.createNamedQuery(Session.LIVE_OF_USER, Session.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .setParameter("oldest", now.minus(maxAge))
                .getResultList();
    }

    /**
     * Ends those of the given sessions whose time is up, by the database (a refresh on another node
     * may have extended one: the cache learns that instead). One query for all of them.
     */
    public int endExpired(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) return 0;
        Instant now = Instant.now();
        List<Session> unended = em.createNamedQuery(Session.UNENDED_AMONG, Session.class)
                .setParameter("ids", sessionIds)
                .getResultList();
        List<Session> over = new ArrayList<>();
        for (Session s : unended) {
            if (!endOf(s).isAfter(now)) over.add(s);
            else cache.put(liveOf(s));
        }
        Set<String> found = unended.stream().map(Session::id).collect(Collectors.toSet());
        sessionIds.stream().filter(id -> !found.contains(id)).forEach(cache::markEnded); // ended elsewhere meanwhile
        return endExpiredSessions(over);
    }

    /** Ends, at most {@code max} at a time, sessions whose time is up that nothing has ended yet. */
    public int endExpired(int max) {
        Instant now = Instant.now();
        return endExpiredSessions(em.createNamedQuery(Session.OVER_BUT_UNENDED, Session.class)
                .setParameter("now", now)
                .setParameter("oldest", now.minus(maxAge))
                .setMaxResults(max)
                .getResultList());
    }

    private int endExpiredSessions(List<Session> over) {
        over.forEach(s -> s.endAt(EndReason.EXPIRED, endOf(s)));
        return endWhere(over, EndReason.EXPIRED);
    }

    /** Ends one of the user's own sessions; anyone else's is {@link NotFound}, as if it did not exist. */
    public void end(long userId, String sessionId, EndReason reason) {
        List<Session> mine = live(userId).stream().filter(s -> s.id().equals(sessionId)).toList();
        if (mine.isEmpty()) throw new NotFound("No such session");
        endWhere(mine, reason);
    }

    /** Every login of the user (logout-all); their tokens stay. */
    public int endAll(long userId, EndReason reason) {
        return endWhere(live(userId), reason);
    }

    /** Every login and every token of the user. */
    public int endEverything(long userId, EndReason reason) {
        List<Session> all = new ArrayList<>(live(userId));
        all.addAll(liveTokens(userId));
        return endWhere(all, reason);
    }

    /**
     * For each of the users: their live sessions (logins within their lifetime and tokens, unended and
     * unexpired) and the latest {@code lastSeenAt} of any of their sessions. Two queries for
     * them all; users without a session are absent.
     */
    public Map<Long, SessionsOfUser> liveOf(Collection<Long> userIds) {
        if (userIds.isEmpty()) return Map.of();
        Instant now = Instant.now();
        List<Object[]> rows = em.createQuery("SELECT s.userId, COUNT(s) FROM Session s WHERE s.userId IN :users"
                        + " AND s.endedAt IS NULL AND s.expiresAt > :now"
                        + " AND (s.kind = dev.parley.sessions.entity.SessionKind.TOKEN OR s.createdAt > :oldest) GROUP BY s.userId", Object[].class)
                .setParameter("now", now)
                .setParameter("oldest", now.minus(maxAge))
                .setParameter("users", userIds)
                .getResultList();
        Map<Long, Long> live = new HashMap<>();
        for (Object[] row : rows) live.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        // Each user's latest session as entities, not MAX(lastSeenAt): EclipseLink hands an aggregate's
        // value to the column converter as a java.sql.Timestamp, which it cannot read.
        Map<Long, Instant> seen = new HashMap<>();
        em.createQuery("SELECT s FROM Session s WHERE s.userId IN :users AND s.lastSeenAt ="
                        + " (SELECT MAX(t.lastSeenAt) FROM Session t WHERE t.userId = s.userId)", Session.class)
                .setParameter("users", userIds)
                .getResultList()
                .forEach(s -> seen.put(s.userId(), s.lastSeenAt()));
        Map<Long, SessionsOfUser> byUser = new HashMap<>();
        for (Long userId : userIds) {
            if (live.containsKey(userId) || seen.containsKey(userId)) {
                byUser.put(userId, new SessionsOfUser(userId, live.getOrDefault(userId, 0L), seen.get(userId)));
            }
        }
        return byUser;
    }

    /** The user's live personal access tokens. */
    public List<Session> liveTokens(long userId) {
        return em.createNamedQuery(Session.LIVE_TOKENS_OF_USER, Session.class)
                .setParameter("user", userId)
                .setParameter("now", Instant.now())
                .getResultList();
    }

    /** Revokes one of the user's tokens; anyone else's is {@link NotFound}. */
    public void endToken(long userId, String tokenId) {
        List<Session> token = liveTokens(userId).stream().filter(s -> s.id().equals(tokenId)).toList();
        if (token.isEmpty()) throw new NotFound("No such token");
        endWhere(token, EndReason.REVOKED);
    }

    /** Ends those of the given sessions, whoever's they are, that have not ended yet: for a caller that found them itself. */
    public int end(Collection<String> sessionIds, EndReason reason) {
        if (sessionIds.isEmpty()) return 0;
        return endWhere(em.createNamedQuery(Session.UNENDED_AMONG, Session.class).setParameter("ids", sessionIds)
                .getResultList(), reason);
    }

    public int endOthers(long userId, String keepSessionId) {
        return endWhere(live(userId).stream().filter(s -> !s.id().equals(keepSessionId)).toList(),
                EndReason.TERMINATED_BY_OTHER_SESSION);
    }

    // In the accounts transaction: the account change and the endings commit together.
    void accountDeleted(@Observes AccountDeleted deleted) {
        endEverything(deleted.userId(), EndReason.ACCOUNT_DELETED);
    }

    // In the admin's transaction: a disabled account has no session or token left once it commits, nor have its bots.
    void accountDisabled(@Observes AccountDisabled disabled) {
        endEverything(disabled.userId(), EndReason.REVOKED);
        bots.idsOf(disabled.userId()).forEach(bot -> endEverything(bot, EndReason.REVOKED));
    }

    void passwordChanged(@Observes PasswordChanged changed) {
        endWhere(live(changed.userId()).stream().filter(s -> !s.id().equals(changed.keepSessionId())).toList(),
                EndReason.PASSWORD_CHANGED);
    }

    private int endWhere(List<Session> sessions, EndReason reason) {
        if (sessions.isEmpty()) return 0;
        if (reason != EndReason.EXPIRED) sessions.forEach(s -> s.end(reason)); // expired ones have their time
        em.flush();
        sessions.forEach(s -> lastSeen.forget(s.id()));
        ended.fire(new SessionsEnded(sessions.stream().map(Session::id).toList(), reason));
        return sessions.size();
    }

    private LiveSession load(String sessionId) {
        Session session = em.find(Session.class, sessionId);
        if (session == null) return null;
        return liveOf(session);
    }

    /** Ended only if it was ended: one whose time is up but not yet ended is still for {@link Expiry} to end. */
    private LiveSession liveOf(Session s) {
        return new LiveSession(s.id(), s.userId(), endOf(s), s.ended(), s.isToken() ? s.tokenHash() : null);
    }

    /** When a session ends by time: a token at its own expiry; a login by its {@link SessionLifetime}. */
    private Instant endOf(Session s) {
        return s.isToken() ? s.expiresAt() : lifetime().endOf(s.createdAt(), s.expiresAt());
    }

    private SessionLifetime lifetime() {
        return new SessionLifetime(tokenTtl, maxAge);
    }

    /** A token together with the session and user it belongs to. */
    public record Login(String token, Session session, User user) {
    }
}
