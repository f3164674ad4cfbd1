package dev.parley.signon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-on's settings (PARLEY_OIDC_*): on only when the issuer, the client id and the secret are all set. */
@ApplicationScoped
public class SignOnSettings {
    @Inject
    @ConfigProperty(name = "parley.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "parley.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "parley.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "parley.oidc.name")
    Optional<String> name;

    @Inject
    @ConfigProperty(name = "parley.oidc.redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "parley.oidc.code-ttl", defaultValue = "PT60S")
    Duration codeTtl;

    public boolean on() {
        return set(issuer) && set(clientId) && set(clientSecret);
    }

    public String issuer() {
        return issuer.orElseThrow().strip();
    }

    public String clientId() {
        return clientId.orElseThrow().strip();
    }

    /** Only for the token request's Authorization header: never logged, never in a message. */
    String clientSecret() {
        return clientSecret.orElseThrow();
    }

    /** What the sign-in button says: the setting, else the issuer's host. */
    public String name() {
        if (set(name)) return name.get().strip();
        String host = URI.create(issuer()).getHost();
        return host != null ? host : issuer();
    }

    Optional<String> redirectUri() {
        return redirectUri.filter(SignOnSettings::notBlank).map(String::strip);
    }

    Duration codeTtl() {
        return codeTtl;
    }

    private static boolean set(Optional<String> value) {
        return value.filter(SignOnSettings::notBlank).isPresent();
    }

    private static boolean notBlank(String value) {
        return !value.isBlank();
    }
}
