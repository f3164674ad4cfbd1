package dev.parley.signon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Keycloak;
import dev.parley.support.SignOnClient;
import dev.parley.support.Sock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Back-Channel Logout from the build's Keycloak: a session ended there ends the
 * Parley sessions it signed on, their sockets cut with {@code sso_logout}; a logout token Keycloak
 * did not sign ends nothing.
 */
class BackChannelLogoutIT {
    private final Api api = Api.server();

    @Test
    void loggingOutAtKeycloakCutsTheParleySocket() {
        Login carol = new SignOnClient(api).signInAndExchange("kc_carol");
        Sock sock = api.connect(carol);
        Keycloak.logOut("kc_carol");
        sock.awaitTerminated("sso_logout");
        assertEquals(401, api.get("/api/users/me", carol.token()).status());
    }

    @Test
    void endingOneKeycloakSessionEndsOnlyTheParleySessionItSignedOn() {
        Login first = new SignOnClient(api).signInAndExchange("kc_erin");
        List<String> before = Keycloak.sessionsOf("kc_erin");
        Login second = new SignOnClient(api).signInAndExchange("kc_erin");
        String secondAtKeycloak = Keycloak.sessionsOf("kc_erin").stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        try (Sock kept = api.connect(first)) {
            Sock doomed = api.connect(second);
            Keycloak.endSession(secondAtKeycloak);
            doomed.awaitTerminated("sso_logout");
            assertEquals(401, api.get("/api/users/me", second.token()).status());
            assertTrue(kept.ack("message", new JSONObject().put("text", "still here")).getBoolean("ok"));
            assertEquals(200, api.get("/api/users/me", first.token()).status());
        }
    }

    @Test
    void aLogoutTokenSignedByAnotherKeyIsRefusedAndEndsNothing() throws Exception {
        Login dave = new SignOnClient(api).signInAndExchange("kc_dave");
        String subject = Keycloak.userIdOf("kc_dave");
        RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(SignOnClient.ISSUER).audience(SignOnClient.CLIENT_ID).subject(subject)
                .issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged")
                .type(new JOSEObjectType("logout+jwt")).build(), claims);
        forged.sign(new RSASSASigner(forger));
        try (Sock sock = api.connect(dave)) {
            HttpResponse<String> reply = postLogoutToken(forged.serialize());
            assertEquals(400, reply.statusCode(), reply.body());
            assertTrue(reply.body().contains("invalid_payload"), reply.body());
            assertEquals(400, postLogoutToken("not.a.token").statusCode());
            assertEquals(400, postLogoutToken("").statusCode());
            assertEquals(200, api.get("/api/users/me", dave.token()).status());
            assertTrue(sock.ack("message", new JSONObject().put("text", "not logged out")).getBoolean("ok"));
        }
    }

    private HttpResponse<String> postLogoutToken(String token) throws Exception {
        // HTTP/1.1 as a provider posts it (the JDK client's h2c upgrade on a POST with a body stalls Grizzly)
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(api.url() + "/api/auth/oidc/backchannel-logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
