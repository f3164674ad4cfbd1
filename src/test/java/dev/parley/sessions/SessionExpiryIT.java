package dev.parley.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import dev.parley.support.TestDatabase;
import io.socket.client.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions end by time: not refreshed within the token lifetime, or at their absolute lifetime
 * whatever refresh does; then they end as if a person had ended them (reason {@code expired}), their
 * sockets cut within a second or two. On a server of its own with a 4 s token lifetime and a 10 s
 * absolute lifetime.
 */
class SessionExpiryIT {
    private static final Duration TOKEN_TTL = Duration.ofSeconds(4);
    private static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Duration ON_TIME = Duration.ofMillis(2500);
    @RegisterExtension
    static final OwnServer server = OwnServer.named("expiry", 1)
            .with("parley.token-ttl", TOKEN_TTL.toString())
            .with("parley.session-max-age", MAX_AGE.toString())
            .with("parley.session.expiry-sweep", "PT2S")
            .with("parley.signup.max-per-address", "1000");
    private static final Api api = server.api();

    @Test
    void aSessionNotRefreshedEndsOnTimeAndItsSocketsAreToldExpiredAndCut() {
        Login me = api.guest("idle");
        Instant expiresAt = Instant.parse(me.body().getString("expiresAt"));

        try (Sock websocket = Sock.connectTo(server.url(), me.token());
             Sock polling = Sock.connectTo(server.url(), me.token(), "polling")) {
            assertTerminatedOnTime(websocket, expiresAt);
            assertTerminatedOnTime(polling, expiresAt);
            websocket.await(Socket.EVENT_DISCONNECT);
            polling.await(Socket.EVENT_DISCONNECT);
        }

        assertTokenRefused(me.token());
    }

    @Test
    void refreshingNeverTakesASessionPastItsAbsoluteLifetime() {
        Login me = api.guest("keen");
        Instant createdAt = Instant.parse(me.body().getJsonObject("session").getString("createdAt"));
        Instant absolute = createdAt.plus(MAX_AGE);
        AtomicReference<String> token = new AtomicReference<>(me.token());

        try (Sock sock = Sock.connectTo(server.url(), me.token())) {
            Awaitility.await("refreshed up to the absolute lifetime").atMost(Duration.ofSeconds(9))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        Reply refreshed = api.post("/api/auth/refresh", token.get(), null);
                        assertEquals(200, refreshed.status(), refreshed.body());
                        token.set(refreshed.json().getString("token"));
                        Instant expiresAt = Instant.parse(refreshed.json().getString("expiresAt"));
                        assertFalse(expiresAt.isAfter(absolute), expiresAt + " is past " + absolute);
                        return expiresAt.equals(absolute);
                    });
            assertTerminatedOnTime(sock, absolute);
        }

        assertEquals(401, api.post("/api/auth/refresh", token.get(), null).status());
        assertTokenRefused(token.get());
    }

    @Test
    void anExpiredSessionWithoutSocketsIsEndedInTheDatabaseToo() throws Exception {
        Login me = api.guest("gone");
        Instant expiresAt = Instant.parse(me.body().getString("expiresAt"));

        Awaitility.await("the sweep ends it").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> "EXPIRED".equals(endReason(me.sessionId())));
        assertEquals(expiresAt, endedAt(me.sessionId()), "ended when its time ran out, not when that was noticed");
        assertTokenRefused(me.token());
    }

    private static void assertTerminatedOnTime(Sock sock, Instant due) {
        JSONObject terminated = sock.awaitJson("session_terminated");
        Instant arrived = Instant.now();
        assertEquals("expired", terminated.getString("reason"));
        Duration late = Duration.between(due, arrived);
        System.out.println("session_terminated expired arrived " + late.toMillis() + " ms after the expiry");
        assertFalse(late.isNegative(), "ended " + late.negated() + " early");
        assertTrue(late.compareTo(ON_TIME) < 0, "ended " + late + " after it expired");
    }

    private static void assertTokenRefused(String token) {
        assertEquals(401, api.get("/api/users/me", token).status());
        try (Sock refused = Sock.open(server.url(), Sock.options(token, "websocket"))) {
            assertEquals("unauthorized", refused.awaitConnectError());
        }
    }

    private static String endReason(String sessionId) throws Exception {
        return column("end_reason", sessionId);
    }

    private static Instant endedAt(String sessionId) throws Exception {
        try (Connection c = TestDatabase.connect(server.databaseUrl());
             PreparedStatement s = c.prepareStatement("SELECT ended_at FROM sessions WHERE id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getTimestamp(1).toInstant();
            }
        }
    }

    private static String column(String name, String sessionId) throws Exception {
        try (Connection c = TestDatabase.connect(server.databaseUrl());
             PreparedStatement s = c.prepareStatement("SELECT " + name + " FROM sessions WHERE id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
