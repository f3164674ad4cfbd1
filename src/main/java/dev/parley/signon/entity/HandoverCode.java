package dev.parley.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one-time code the callback hands the page in the URL fragment, stored by its hash, with whom
 * it signs in and from which provider session.
 */
@Entity
@Table(name = "signon_codes")
public class HandoverCode {
    @Id
    @Column(name = "code_hash") private String codeHash;
    @Column(name = "user_id", nullable = false) private long userId;
    @Column(nullable = false) private String issuer;
    @Column(nullable = false) private String subject;
    @Column private String sid;
    @Column(name = "expires_at", nullable = false) private Instant expiresAt;

    protected HandoverCode() {
    }

    public HandoverCode(String codeHash, long userId, String issuer, String subject, String sid, Instant expiresAt) {
        this.codeHash = codeHash;
        this.userId = userId;
        this.issuer = issuer;
        this.subject = subject;
        this.sid = sid;
        this.expiresAt = expiresAt;
    }

    public String codeHash() { return codeHash; }
    public long userId() { return userId; }
    public String issuer() { return issuer; }
    public String subject() { return subject; }
    public String sid() { return sid; }
    public Instant expiresAt() { return expiresAt; }

    /** Good until its expiry, not at it. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
