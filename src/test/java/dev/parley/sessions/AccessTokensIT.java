package dev.parley.sessions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.TestDatabase;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import io.socket.client.IO;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal access tokens: they work like a login's token for REST and sockets, only their hash is
 * stored, revoking or expiry ends them everywhere at once, and they cannot reach the endpoints that
 * manage the account's sign-in.
 */
class AccessTokensIT {
    private final Api api = Api.server();

    @Test
    void aTokenAuthenticatesRestAndSocketsByAuthPayloadAndHeader(@Registered("k_use") Login me) {
        JsonObject made = create(me, "script", null);
        String token = made.getString("token");
        JsonObject info = made.getJsonObject("info");
        assertEquals("script", info.getString("name"));
        assertTrue(info.isNull("expiresAt"), "never expires");
        assertTrue(info.isNull("lastUsedAt"), "not used yet");

        Reply asMe = api.get("/api/users/me", token);
        assertEquals(200, asMe.status(), asMe.body());
        assertEquals(me.username(), asMe.json().getJsonObject("user").getString("username"));
        try (Sock byAuth = Sock.connect(token)) {
            assertEquals(me.username(), byAuth.awaitReady().getJSONObject("user").getString("username"));
        }
        IO.Options options = Sock.options(null, "polling");
        options.extraHeaders = Map.of("Authorization", List.of("Bearer " + token));
        try (Sock byHeader = Sock.open(options)) {
            assertEquals(me.username(), byHeader.awaitReady().getJSONObject("user").getString("username"));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !listed(me).get(0).asJsonObject().isNull("lastUsedAt"));
        JsonObject listed = listed(me).get(0).asJsonObject();
        assertEquals(info.getString("id"), listed.getString("id"));
        assertFalse(listed.containsKey("token"), "never shown again");
    }

    @Test
    void onlyTheTokensHashIsStored(@Registered("k_hash") Login me) throws Exception {
        String token = create(me, "hashed", null).getString("token");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        int rows = 0;
        try (Connection c = TestDatabase.connect(TestDatabase.URL);
             PreparedStatement s = c.prepareStatement("SELECT * FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)")) {
            s.setString(1, me.username());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                    for (int column = 1; column <= r.getMetaData().getColumnCount(); column++) {
                        String value = r.getString(column);
                        assertFalse(value != null && value.contains(token), "column " + r.getMetaData().getColumnName(column) + " holds the token");
                    }
                }
            }
        }
        assertEquals(2, rows, "the login and the token");
        assertEquals("1", TestDatabase.queryString("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + hash + "'"));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndItsSocketsAreCutOff(@Registered("k_rev") Login me, @Registered("k_other") Login stranger) {
        JsonObject made = create(me, "doomed", null);
        String token = made.getString("token");
        String id = made.getJsonObject("info").getString("id");
        Sock socket = Sock.connect(token);
        Sock polling = Sock.connect(token, "polling");

        assertEquals(404, api.delete("/api/users/me/tokens/" + id, stranger.token()).status(), "someone else's token");
        assertEquals(200, api.get("/api/users/me", token).status());

        assertEquals(204, api.delete("/api/users/me/tokens/" + id, me.token()).status());
        assertEquals(401, api.get("/api/users/me", token).status());
        socket.awaitTerminated("revoked");
        polling.awaitTerminated("revoked");
        try (Sock again = Sock.open(Sock.options(token))) {
            assertEquals("unauthorized", again.awaitConnectError());
        }
        assertEquals(0, listed(me).size());
        assertEquals(404, api.delete("/api/users/me/tokens/" + id, me.token()).status(), "already revoked");
        assertEquals(200, api.get("/api/users/me", me.token()).status(), "the login lives on");
    }

    @Test
    void aTokenWithAnExpiryEndsThenAndItsSocketsHearExpired(@Registered("k_exp") Login me) {
        Instant expiresAt = Instant.now().plusSeconds(4);
        JsonObject made = create(me, "brief", expiresAt.toString());
        String token = made.getString("token");
        assertEquals(expiresAt.toEpochMilli(), Instant.parse(made.getJsonObject("info").getString("expiresAt")).toEpochMilli());
        try (Sock sock = Sock.connect(token)) {
            sock.awaitTerminated("expired");
        }
        assertEquals(401, api.get("/api/users/me", token).status());
        assertEquals(0, listed(me).size());
    }

    @Test
    void badInputIsRefusedAndMakesNothing(@Registered("k_bad") Login me) {
        for (String body : List.of("{}", "{\"name\": \"  \"}", "{\"name\": \"" + "x".repeat(65) + "\"}",
                "{\"name\": \"a\\u0000b\"}", "{\"name\": \"past\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}",
                "{\"name\": \"garbled\", \"expiresAt\": \"tomorrow\"}")) {
            Reply reply = api.post("/api/users/me/tokens", me.token(), body);
            assertEquals(400, reply.status(), body);
            assertEquals("invalid_payload", reply.errorCode(), body);
        }
        assertEquals(0, listed(me).size());
        assertEquals(201, api.post("/api/users/me/tokens", me.token(), "{\"name\": \"" + "x".repeat(64) + "\"}").status());
    }

    @Test
    void guestsCannotHaveTokens(@Guest("k_guest") Login guest) {
        Reply made = api.post("/api/users/me/tokens", guest.token(), "{\"name\": \"nope\"}");
        assertEquals(403, made.status());
        assertEquals("forbidden", made.errorCode());
        assertEquals(403, api.get("/api/users/me/tokens", guest.token()).status());
    }

    @Test
    void aTokenCannotManageSignInReadingOrWriting(@Registered("k_forb") Login me) {
        String token = create(me, "limited", null).getString("token");
        List<String[]> loginOnly = List.of(
                new String[] {"GET", "/api/users/me/tokens", null},
                new String[] {"POST", "/api/users/me/tokens", "{\"name\": \"more\"}"},
                new String[] {"DELETE", "/api/users/me/tokens/" + me.sessionId(), null},
                new String[] {"GET", "/api/bots", null},
                new String[] {"POST", "/api/bots", "{\"username\": \"" + Api.uniqueName("kbot") + "\"}"},
                new String[] {"DELETE", "/api/bots/somebot", null},
                new String[] {"GET", "/api/bots/somebot/tokens", null},
                new String[] {"POST", "/api/bots/somebot/tokens", "{\"name\": \"x\"}"},
                new String[] {"DELETE", "/api/bots/somebot/tokens/x", null},
                new String[] {"GET", "/api/sessions", null},
                new String[] {"DELETE", "/api/sessions/" + me.sessionId(), null},
                new String[] {"POST", "/api/sessions/terminate-others", null},
                new String[] {"POST", "/api/auth/logout", null},
                new String[] {"POST", "/api/auth/logout-all", null},
                new String[] {"POST", "/api/auth/refresh", null},
                new String[] {"PUT", "/api/users/me/password", "{\"currentPassword\": \"" + Api.PASSWORD + "\", \"newPassword\": \"another password\"}"},
                new String[] {"DELETE", "/api/users/me", "{\"password\": \"" + Api.PASSWORD + "\"}"},
                new String[] {"POST", "/api/users/me/delete", "{\"password\": \"" + Api.PASSWORD + "\"}"});
        for (String[] call : loginOnly) {
            Reply reply = api.send(call[0], call[1], token, call[2]);
            assertEquals(403, reply.status(), call[0] + " " + call[1] + ": " + reply.body());
            assertEquals("forbidden", reply.errorCode(), call[0] + " " + call[1]);
        }
        try (Sock sock = Sock.connect(token)) {
            assertEquals("forbidden", Sock.ackError(sock.ack("logout_all")));
            assertEquals("forbidden", Sock.ackError(sock.ack("terminate_other_sessions")));
            assertTrue(sock.connected());
        }
        assertEquals(200, api.get("/api/users/me", token).status(), "the token still works");
        assertEquals(200, api.get("/api/sessions", me.token()).status(), "and so does the login: nothing was ended");
        assertEquals(201, api.post("/api/users/me/tokens", me.token(), "{\"name\": \"by a login\"}").status());
        assertEquals(204, api.post("/api/users/me/delete", me.token(), "{\"password\": \"" + Api.PASSWORD + "\"}").status(),
                "the account was not deleted by the token");
    }

    @Test
    void loginsAndTokensAreEndedApart(@Registered("k_apart") Login me) {
        JsonObject made = create(me, "survivor", null);
        String token = made.getString("token");
        String tokenId = made.getJsonObject("info").getString("id");
        JsonArray sessions = (JsonArray) api.get("/api/sessions", me.token()).structure();
        assertEquals(1, sessions.size(), "sessions lists logins only");
        assertEquals(404, api.delete("/api/sessions/" + tokenId, me.token()).status(), "a token is no session to end there");

        Login second = api.login(me.username());
        assertEquals(200, api.post("/api/sessions/terminate-others", second.token(), null).status());
        Reply changed = api.send("PUT", "/api/users/me/password", second.token(),
                "{\"currentPassword\": \"" + Api.PASSWORD + "\", \"newPassword\": \"" + Api.PASSWORD + "\"}");
        assertEquals(204, changed.status(), changed.body());
        assertEquals(1, api.post("/api/auth/logout-all", second.token(), null).json().getInt("terminated"));
        assertEquals(200, api.get("/api/users/me", token).status(), "the token outlives the logins");
    }

    @Test
    void disablingAnAccountEndsItsTokens(@Registered("k_dis") Login victim) {
        String token = create(victim, "to end", null).getString("token");
        Sock sock = Sock.connect(token);
        Login admin = api.admin();
        assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/disable", admin.token(), null).status());
        sock.awaitTerminated("revoked");
        assertEquals(401, api.get("/api/users/me", token).status());
        assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/enable", admin.token(), null).status());
        assertEquals(401, api.get("/api/users/me", token).status(), "an ended token stays ended");
    }

    private JsonObject create(Login owner, String name, String expiresAt) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", name);
        if (expiresAt != null) body.add("expiresAt", expiresAt);
        Reply reply = api.post("/api/users/me/tokens", owner.token(), body.build().toString());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private JsonArray listed(Login owner) {
        Reply reply = api.get("/api/users/me/tokens", owner.token());
        assertEquals(200, reply.status(), reply.body());
        return (JsonArray) reply.structure();
    }
}
