package dev.parley.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The account a person of an identity provider has here: keyed by (issuer, sub), never by name or e-mail. */
@Entity
@Table(name = "signon_identities")
@NamedQuery(name = Identity.BY_SUBJECT, query = "SELECT i FROM Identity i WHERE i.issuer = :issuer AND i.subject = :subject")
public class Identity {
    public static final String BY_SUBJECT = "Identity.bySubject";

    @Id
    @Column(name = "user_id") private long userId;
    @Column(nullable = false) private String issuer;
    @Column(nullable = false) private String subject;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected Identity() {
    }

    public Identity(long userId, String issuer, String subject) {
        this.userId = userId;
        this.issuer = issuer;
        this.subject = subject;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public long userId() { return userId; }
    public String issuer() { return issuer; }
    public String subject() { return subject; }
}
