package dev.parley.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sign-in on its way through the provider, by its {@code state}: what the callback checks and needs,
 * in the database so that whichever node the callback reaches can read it.
 */
@Entity
@Table(name = "signon_pending")
public class PendingSignIn {
    @Id private String state;
    @Column(nullable = false) private String nonce;
    @Column(name = "code_verifier", nullable = false) private String codeVerifier;
    @Column(name = "redirect_uri", nullable = false) private String redirectUri;
    @Column(name = "return_to", nullable = false) private String returnTo;
    /** SHA-256 of the cookie set on the browser that started it. */
    @Column(name = "browser_hash", nullable = false) private String browserHash;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected PendingSignIn() {
    }

    public PendingSignIn(String state, String nonce, String codeVerifier, String redirectUri, String returnTo, String browserHash) {
        this.state = state;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.redirectUri = redirectUri;
        this.returnTo = returnTo;
        this.browserHash = browserHash;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public String state() { return state; }
    public String nonce() { return nonce; }
    public String codeVerifier() { return codeVerifier; }
    public String redirectUri() { return redirectUri; }
    public String returnTo() { return returnTo; }
    public String browserHash() { return browserHash; }
    public Instant createdAt() { return createdAt; }
}
