package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.TestDatabase;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import io.socket.client.IO;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Connect-time authentication: a real connect_error for every bad token, on both transports. */
class ConnectIT {
    private final Api api = Api.server();

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling"})
    void aValidTokenConnectsAndGetsReady(String transport) {
        Login me = api.registerAndLogin("c_ok");
        try (Sock sock = Sock.connect(me.token(), transport)) {
            JSONObject ready = sock.awaitReady();
            assertEquals(me.username(), ready.getJSONObject("user").getString("username"));
            assertEquals("feed", ready.getJSONArray("rooms").getJSONObject(0).getString("name"));
            assertTrue(ready.getJSONArray("online").toString().contains(me.username()));
        }
    }

    @Test
    void pollingUpgradesToWebSocket(@Registered("c_upgrade") Login me) {
        try (Sock sock = Sock.connect(me.token(), "polling", "websocket")) {
            assertTrue(sock.ack("message", "over whichever transport").getBoolean("ok"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling"})
    void noTokenIsUnauthorized(String transport) {
        assertRefused(Sock.options(null, transport));
    }

    @Test
    void aGarbageTokenIsUnauthorized() {
        assertRefused(Sock.options("garbage"));
        assertRefused(Sock.options("a.b.c", "polling"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized(@Registered("c_forged") Login me) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = sign(generator.generateKeyPair().getPrivate(), me.sessionId(), Instant.now().plusSeconds(600));
        assertRefused(Sock.options(forged));
    }

    @Test
    void anExpiredTokenIsUnauthorized(@Registered("c_expired") Login me) throws Exception {
        String expired = sign(serverKey(), me.sessionId(), Instant.now().minusSeconds(5));
        assertRefused(Sock.options(expired));
        String fresh = sign(serverKey(), me.sessionId(), Instant.now().plusSeconds(600));
        try (Sock sock = Sock.connect(fresh)) {
            assertTrue(sock.connected()); // the same key and claims, only not expired: accepted
        }
    }

    @Test
    void anEndedSessionsTokenIsUnauthorized(@Registered("c_ended") Login me) {
        api.post("/api/auth/logout", me.token(), null);
        assertRefused(Sock.options(me.token()));
        assertRefused(Sock.options(me.token(), "polling"));
    }

    @Test
    void theAuthorizationHeaderWorksWhenNoAuthPayloadCanBeSent(@Registered("c_header") Login me) {
        IO.Options options = Sock.options(null, "polling");
        options.extraHeaders = Map.of("Authorization", List.of("Bearer " + me.token()));
        try (Sock sock = Sock.open(options)) {
            assertEquals(me.username(), sock.awaitReady().getJSONObject("user").getString("username"));
        }
    }

    private static void assertRefused(IO.Options options) {
        try (Sock sock = Sock.open(options)) {
            assertEquals("unauthorized", sock.awaitConnectError());
        }
    }

    private static String sign(PrivateKey key, String sessionId, Instant expiry) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("parley").subject("1").claim("upn", "someone")
                .claim("groups", List.of("user")).claim("sid", sessionId)
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(expiry)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The server's own signing key, read from its database, to make a correctly signed but expired token. */
    private static PrivateKey serverKey() throws Exception {
        String encoded = TestDatabase.queryString("SELECT private_key FROM signing_keys");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }
}
