package dev.parley.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A Parley session opened by sign-on, and the provider session (sid) and person (issuer, sub) it came from. */
@Entity
@Table(name = "signon_sessions")
@NamedQuery(name = SignOnSession.IDS_BY_SID,
        query = "SELECT s.sessionId FROM SignOnSession s WHERE s.issuer = :issuer AND s.sid = :sid")
@NamedQuery(name = SignOnSession.IDS_BY_SUBJECT,
        query = "SELECT s.sessionId FROM SignOnSession s WHERE s.issuer = :issuer AND s.subject = :subject")
public class SignOnSession {
    public static final String IDS_BY_SID = "SignOnSession.idsBySid";
    public static final String IDS_BY_SUBJECT = "SignOnSession.idsBySubject";

    @Id
    @Column(name = "session_id") private String sessionId;
    @Column(nullable = false) private String issuer;
    @Column(nullable = false) private String subject;
    @Column private String sid;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected SignOnSession() {
    }

    public SignOnSession(String sessionId, String issuer, String subject, String sid) {
        this.sessionId = sessionId;
        this.issuer = issuer;
        this.subject = subject;
        this.sid = sid;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public String sessionId() { return sessionId; }
    public String sid() { return sid; }
}
