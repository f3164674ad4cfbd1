package dev.parley.signon.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import dev.parley.errors.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The identity provider as its discovery document describes it, read when sign-on is first used and
 * again on each use until a read succeeds (so that the provider may start after Parley), then kept.
 * Its signing keys come from its JWKS through Nimbus's JWK source: cached, refreshed ahead of expiry,
 * fetched again (rate-limited) when a token names a key it has not seen, as on a key rollover.
 */
@ApplicationScoped
public class Provider {
    static final int TIMEOUT_MS = 5000;
    private static final Logger LOG = Logger.getLogger(Provider.class.getName());
    /** Signatures by a key pair only: never "none", never an HMAC keyed with the client secret. */
    private static final Set<JWSAlgorithm> ASYMMETRIC = asymmetric();

    @Inject
    SignOnSettings settings;

    private volatile Known known;

    /** What is known of the provider once its discovery document has been read. */
    public record Known(OIDCProviderMetadata metadata, IDTokenValidator idTokens, LogoutTokenValidator logoutTokens) {
    }

    /** The provider, read now if it has not been yet; {@link Unavailable} if it cannot be. */
    public Known require() {
        Known k = known;
        if (k != null) return k;
        synchronized (this) {
            if (known == null) known = discover();
            return known;
        }
    }

    private Known discover() {
        Issuer issuer = new Issuer(settings.issuer());
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL())
                    .retrying(true).build();
            ClientID client = new ClientID(settings.clientId());
            Set<JWSAlgorithm> algorithms = new HashSet<>(ASYMMETRIC);
            if (metadata.getIDTokenJWSAlgs() != null) algorithms.retainAll(metadata.getIDTokenJWSAlgs());
            if (algorithms.isEmpty()) algorithms.add(JWSAlgorithm.RS256); // the one OpenID Connect requires
            var idTokens = new IDTokenValidator(issuer, client, new JWSVerificationKeySelector<>(algorithms, keys), null);
            var logoutTokens = new LogoutTokenValidator(issuer, client, new JWSVerificationKeySelector<>(ASYMMETRIC, keys), null);
            LOG.info(() -> "Sign-on: read the discovery document of " + issuer);
            return new Known(metadata, idTokens, logoutTokens);
        } catch (GeneralException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Sign-on: cannot read the discovery document of {0} ({1}); trying again on the next sign-in",
                    new Object[] {issuer, e.getMessage()});
            throw new Unavailable("The identity provider cannot be reached; try again shortly");
        }
    }

    private static Set<JWSAlgorithm> asymmetric() {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        algorithms.addAll(JWSAlgorithm.Family.ED);
        return Set.copyOf(algorithms);
    }
}
