package dev.parley.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One login, or one personal access token ({@link SessionKind}): its JWTs are good until it expires or
 * is ended. A login lives by refresh within its absolute lifetime; a token until its own expiry.
 */
@Entity
@Table(name = "sessions")
@NamedQuery(name = Session.LIVE_OF_USER,
        query = "SELECT s FROM Session s WHERE s.userId = :user AND s.endedAt IS NULL AND s.expiresAt > :now"
                + " AND s.kind = dev.parley.sessions.entity.SessionKind.LOGIN AND s.createdAt > :oldest ORDER BY s.createdAt")
@NamedQuery(name = Session.LIVE_TOKENS_OF_USER,
        query = "SELECT s FROM Session s WHERE s.userId = :user AND s.endedAt IS NULL AND s.expiresAt > :now"
                + " AND s.kind = dev.parley.sessions.entity.SessionKind.TOKEN ORDER BY s.createdAt")
@NamedQuery(name = Session.UNENDED_AMONG,
        query = "SELECT s FROM Session s WHERE s.id IN :ids AND s.endedAt IS NULL")
@NamedQuery(name = Session.OVER_BUT_UNENDED,
        query = "SELECT s FROM Session s WHERE s.endedAt IS NULL AND (s.expiresAt <= :now"
                + " OR (s.createdAt <= :oldest AND s.kind = dev.parley.sessions.entity.SessionKind.LOGIN))")
public class Session {
    public static final String LIVE_OF_USER = "Session.liveOfUser";
    public static final String LIVE_TOKENS_OF_USER = "Session.liveTokensOfUser";
    public static final String UNENDED_AMONG = "Session.unendedAmong";
    public static final String OVER_BUT_UNENDED = "Session.overButUnended";

    @Id private String id;
    @Column(name = "user_id", nullable = false) private long userId;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    /** Null for a token never used yet. */
    @Column(name = "last_seen_at") private Instant lastSeenAt;
    @Column(name = "expires_at", nullable = false) private Instant expiresAt;
    @Column(name = "user_agent") private String userAgent;
    @Column(name = "ip") private String ip;
    @Column(name = "ended_at") private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason") private EndReason endReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false) private SessionKind kind = SessionKind.LOGIN;

    /** A token's name, given by its owner. */
    @Column private String name;

    /** A token's SHA-256 (hex): the token itself is never stored. */
    @Column(name = "token_hash") private String tokenHash;

    protected Session() {
    }

    public Session(long userId, Instant expiresAt, String userAgent, String ip) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
        this.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(512, userAgent.length()));
        this.ip = ip;
    }

    /** A personal access token's session: no last use yet, no user agent or address. */
    public static Session token(long userId, String name, Instant expiresAt) {
        Session token = new Session(userId, expiresAt, null, null);
        token.kind = SessionKind.TOKEN;
        token.name = name;
        token.lastSeenAt = null;
        return token;
    }

    /** Set once the token is signed (it names this session, so it comes after the id). */
    public void holdHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public boolean isLive(Instant now) {
        return endedAt == null && expiresAt.isAfter(now);
    }

    /** Ended by someone or by time; a session whose time is up may not have been ended yet. */
    public boolean ended() {
        return endedAt != null;
    }

    public void end(EndReason reason) {
        endAt(reason, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Ended at {@code when}: an expired session ended when its time ran out, not when that was noticed. */
    public void endAt(EndReason reason, Instant when) {
        this.endedAt = when.truncatedTo(ChronoUnit.MILLIS);
        this.endReason = reason;
    }

    public void extendTo(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public void seenAt(Instant when) {
        this.lastSeenAt = when;
    }

    public String id() { return id; }
    public long userId() { return userId; }
    public Instant createdAt() { return createdAt; }
    public Instant lastSeenAt() { return lastSeenAt; }
    public Instant expiresAt() { return expiresAt; }
    public String userAgent() { return userAgent; }
    public String ip() { return ip; }
    public EndReason endReason() { return endReason; }
    public SessionKind kind() { return kind; }
    public boolean isToken() { return kind == SessionKind.TOKEN; }
    public String name() { return name; }
    public String tokenHash() { return tokenHash; }
}
