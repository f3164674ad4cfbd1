package dev.parley.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.errors.Unauthorized;
import dev.parley.http.Caller;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens issued and verified with an in-memory key: what the Socket.IO handshake accepts. */
class TokensTest {
    private static final KeyPair OURS = rsa();
    private static final KeyPair THEIRS = rsa();
    private static final String KID = "k1";

    private final Tokens tokens = tokens("https://parley.test");

    @Test
    void anIssuedTokenVerifiesToItsUserAndSessionAndCarriesTheRole() throws Exception {
        String token = tokens.issue(7, "alice", "s-1", Instant.now().plusSeconds(60));
        assertEquals(new Tokens.Claims(7, "alice", "s-1"), tokens.verify(token));
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(KID, jwt.getHeader().getKeyID());
        assertEquals(List.of(Caller.ROLE), jwt.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals("s-1", jwt.getJWTClaimsSet().getStringClaim(Caller.SESSION_CLAIM));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(7, "alice", "s-1", Instant.now().minusSeconds(1));
        assertThrows(Unauthorized.class, () -> tokens.verify(token));
    }

    @Test
    void anotherIssuersTokenIsRefused() {
        String token = tokens("https://elsewhere.test").issue(7, "alice", "s-1", Instant.now().plusSeconds(60));
        assertThrows(Unauthorized.class, () -> tokens.verify(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedUnderOurKeyIdOrAnother() throws Exception {
        for (String kid : new String[] {KID, "unknown"}) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims("s-1"));
            forged.sign(new RSASSASigner(THEIRS.getPrivate()));
            assertThrows(Unauthorized.class, () -> tokens.verify(forged.serialize()), kid);
        }
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KID).type(JOSEObjectType.JWT).build(), claims("s-1"));
        hmac.sign(new MACSigner(new byte[32]));
        assertThrows(Unauthorized.class, () -> tokens.verify(hmac.serialize()));
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims("s-1")).serialize();
        assertThrows(Unauthorized.class, () -> tokens.verify(unsigned));
    }

    @Test
    void aTokenWithoutASessionOrWithGarbageIsRefused() throws Exception {
        SignedJWT noSession = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).build(), claims(null));
        noSession.sign(new RSASSASigner(OURS.getPrivate()));
        assertThrows(Unauthorized.class, () -> tokens.verify(noSession.serialize()));
        for (String garbage : new String[] {null, "", " ", "abc", "a.b.c"}) {
            assertThrows(Unauthorized.class, () -> tokens.verify(garbage), String.valueOf(garbage));
        }
    }

    private static JWTClaimsSet claims(String sessionId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://parley.test").subject("7").claim("upn", "alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(60)));
        if (sessionId != null) claims.claim(Caller.SESSION_CLAIM, sessionId);
        return claims.build();
    }

    private static Tokens tokens(String issuer) {
        Tokens tokens = new Tokens();
        tokens.issuer = issuer;
        tokens.key = new SigningKey() {
            @Override
            public RSAPrivateKey privateKey() {
                return (RSAPrivateKey) OURS.getPrivate();
            }

            @Override
            public String keyId() {
                return KID;
            }

            @Override
            public RSAPublicKey publicKey(String kid) {
                return KID.equals(kid) ? (RSAPublicKey) OURS.getPublic() : null;
            }
        };
        return tokens;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
