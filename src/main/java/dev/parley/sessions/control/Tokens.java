package dev.parley.sessions.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.errors.Unauthorized;
import dev.parley.http.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 tokens carrying the session id ({@code sid}). REST requests are verified by MP-JWT;
 * the Socket.IO handshake is no JAX-RS request, so {@link #verify} checks those with the same keys.
 */
@ApplicationScoped
public class Tokens {
    @Inject
    SigningKey key;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** A verified token: whose it is and which session it belongs to. */
    public record Claims(long userId, String username, String sessionId) {
    }

    public String issue(long userId, String username, String sessionId, Instant expiresAt) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(Long.toString(userId))
                .claim("upn", username)
                .claim("groups", List.of(Caller.ROLE))
                .claim(Caller.SESSION_CLAIM, sessionId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.keyId()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** Signature, issuer and expiry; whether the session is still live is {@link Sessions}' to say. */
    public Claims verify(String token) {
        if (token == null || token.isBlank()) throw new Unauthorized("A token is required");
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            RSAPublicKey publicKey = key.publicKey(jwt.getHeader().getKeyID()); // the current key, or one rotated out lately
            if (publicKey == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(publicKey))) {
                throw new Unauthorized("Invalid token");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || expiry == null || !expiry.toInstant().isAfter(Instant.now())) {
                throw new Unauthorized("Invalid or expired token");
            }
            String sessionId = claims.getStringClaim(Caller.SESSION_CLAIM);
            if (sessionId == null) throw new Unauthorized("Invalid token");
            return new Claims(Long.parseLong(claims.getSubject()), claims.getStringClaim("upn"), sessionId);
        } catch (ParseException | JOSEException | NumberFormatException e) {
            throw new Unauthorized("Invalid token");
        }
    }
}
