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

/** One login: its tokens are good until it expires or is ended. */
@Entity
@Table(name = "sessions")
@NamedQuery(name = Session.LIVE_OF_USER,
        query = "SELECT s FROM Session s WHERE s.userId = :user AND s.endedAt IS NULL AND s.expiresAt > :now"
                + " AND s.createdAt > :oldest ORDER BY s.createdAt")
@NamedQuery(name = Session.UNENDED_AMONG,
        query = "SELECT s FROM Session s WHERE s.id IN :ids AND s.endedAt IS NULL")
@NamedQuery(name = Session.OVER_BUT_UNENDED,
        query = "SELECT s FROM Session s WHERE s.endedAt IS NULL AND (s.expiresAt <= :now OR s.createdAt <= :oldest)")
public class Session {
    public static final String LIVE_OF_USER = "Session.liveOfUser";
    public static final String UNENDED_AMONG = "Session.unendedAmong";
    public static final String OVER_BUT_UNENDED = "Session.overButUnended";

    @Id private String id;
    @Column(name = "user_id", nullable = false) private long userId;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "last_seen_at", nullable = false) private Instant lastSeenAt;
    @Column(name = "expires_at", nullable = false) private Instant expiresAt;
    @Column(name = "user_agent") private String userAgent;
    @Column(name = "ip") private String ip;
    @Column(name = "ended_at") private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason") private EndReason endReason;

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
}
