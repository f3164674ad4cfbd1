package dev.parley.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A logout token already acted on, by the hash of its issuer and jti: the same token again is a replay. */
@Entity
@Table(name = "signon_logout_tokens")
public class SeenLogoutToken {
    @Id
    @Column(name = "token_hash") private String tokenHash;
    @Column(name = "seen_at", nullable = false) private Instant seenAt;

    protected SeenLogoutToken() {
    }

    public SeenLogoutToken(String tokenHash, Instant seenAt) {
        this.tokenHash = tokenHash;
        this.seenAt = seenAt;
    }
}
