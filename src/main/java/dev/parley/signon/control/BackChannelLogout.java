package dev.parley.signon.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout 1.0: the provider posts a signed logout token naming a provider
 * session ({@code sid}) or a person ({@code sub}), and their Parley sessions end, reason
 * {@code sso_logout}, through the sessions component's one ending path (sockets cut on every node).
 *
 * <p>Replays: a token is accepted only within {@link #MAX_AGE} of its {@code iat} (and not from the
 * future beyond the clock skew), and its {@code jti} only once within that time.
 */
@ApplicationScoped
public class BackChannelLogout {
    static final Duration MAX_AGE = Duration.ofMinutes(2);
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());

    @Inject
    SignOnSettings settings;

    @Inject
    Provider provider;

    @Inject
    Identities identities;

    /** How many Parley sessions ended; {@link InvalidPayload} for a token that is not good. */
    public int logOut(String logoutToken) {
        if (!settings.on()) throw new NotFound("Sign-on is not set up on this server");
        if (logoutToken == null || logoutToken.isBlank() || logoutToken.length() > 16_384) {
            throw new InvalidPayload("logout_token is required");
        }
        LogoutTokenClaimsSet claims;
        try {
            JWT jwt = JWTParser.parse(logoutToken);
            claims = provider.require().logoutTokens().validate(jwt);
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            LOG.log(Level.WARNING, "Sign-on: refused a logout token: {0}", e.getMessage());
            throw new InvalidPayload("The logout token is not valid");
        }
        Instant now = Instant.now();
        Instant issued = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
        if (issued == null || issued.isBefore(now.minus(MAX_AGE)) || issued.isAfter(now.plus(SKEW))) {
            throw new InvalidPayload("The logout token is too old");
        }
        if (claims.getJWTID() == null) throw new InvalidPayload("The logout token has no jti");
        String issuer = claims.getIssuer().getValue();
        String sid = claims.getSessionID() == null ? null : claims.getSessionID().getValue();
        String subject = claims.getSubject() == null ? null : claims.getSubject().getValue();
        int ended = identities.logOut(issuer, sid, subject, Secrets.hash(issuer + " " + claims.getJWTID().getValue()),
                MAX_AGE.plus(SKEW));
        LOG.info(() -> "Sign-on: back-channel logout ended " + ended + " session(s)");
        return ended;
    }
}
