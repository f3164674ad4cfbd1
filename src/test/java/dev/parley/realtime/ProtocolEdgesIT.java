package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Polling;
import dev.parley.support.RawHttp;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Where the Engine.IO v4 and Socket.IO v5 protocol documents say what a server answers. */
class ProtocolEdgesIT {
    private final Api api = Api.server();

    @Test
    void aRequestWithoutEio4Is400OnBothTransports() {
        RawHttp raw = RawHttp.server();
        for (String query : new String[] {"?transport=polling", "?EIO=3&transport=polling", "", "?EIO=4&EIO=4&transport=polling"}) {
            RawHttp.Response polling = raw.get("/socket.io/" + query);
            assertEquals(400, polling.status(), query + ": " + polling.body());
        }
        assertEquals(400, raw.upgrade("/socket.io/?transport=websocket").status());
        assertEquals(400, raw.upgrade("/socket.io/?EIO=3&transport=websocket").status());
        assertEquals(101, raw.upgrade("/socket.io/?EIO=4&transport=websocket").status());
    }

    @Test
    void pollingIsGetAndPostOnlyAndAnyOtherMethodIs400AsTheReferenceServerAnswers() throws Exception {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "POST"}) {
            HttpResponse<String> handshake = Polling.HTTP.send(HttpRequest.newBuilder(URI.create(Server.url() + "/socket.io/?EIO=4&transport=polling"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, handshake.statusCode(), "handshake by " + method + ": " + handshake.body());
        }
        String sid = Polling.handshake();
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> refused = Polling.HTTP.send(Polling.request(sid).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), method + ": " + refused.body());
        }
        assertEquals(400, RawHttp.server().send("HEAD", "/socket.io/?EIO=4&transport=polling&sid=" + sid, new String[0], null, true).status());
        assertEquals(200, Polling.post(sid, "40{\"token\":\"x\"}").statusCode(), "the session is still there");
    }

    @Test
    void aPollingSessionClosedByTheClientAnswersThePendingGetWithNoopAndThenIsGone() throws Exception {
        String sid = Polling.handshake();
        CompletableFuture<HttpResponse<String>> pending = Polling.HTTP.sendAsync(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString());
        // Nothing is queued for a session without a namespace: the GET waits at the server.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !pending.isDone());

        HttpResponse<String> close = Polling.post(sid, "1");
        assertEquals(200, close.statusCode(), close.body());
        HttpResponse<String> answered = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode());
        assertEquals("6", answered.body());

        assertEquals(400, Polling.HTTP.send(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(400, Polling.post(sid, "40").statusCode());
    }

    @Test
    void aGetThatTheClientsCloseOvertookIsAnsweredNoopAndTheNextGetIs400() throws Exception {
        // The client had this GET on its way when it sent the close; the close arrived first.
        String sid = Polling.handshake();
        assertEquals(200, Polling.post(sid, "1").statusCode());
        assertEquals("6", Polling.get(sid));
        assertEquals(400, Polling.HTTP.send(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aGetAndTheClientsCloseSentTogetherGetNoopThenTheSessionIsGoneWhicheverArrivesFirst() throws Exception {
        for (int i = 0; i < 30; i++) {
            String sid = Polling.handshake();
            CompletableFuture<HttpResponse<String>> poll = Polling.HTTP.sendAsync(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> close = Polling.HTTP.sendAsync(Polling.request(sid).POST(HttpRequest.BodyPublishers.ofString("1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> answered = poll.get(10, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode(), "try " + i + ": " + answered.body());
            assertEquals("6", answered.body(), "try " + i);
            assertEquals(200, close.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(400, Polling.HTTP.send(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "try " + i);
        }
    }

    @Test
    void aPollingGetSentAfterTheUpgradePacketIs400() throws Exception {
        // The upgrade packet goes by the WebSocket, the GET by another connection: the GET must not win.
        for (int i = 0; i < 30; i++) {
            String sid = Polling.handshake();
            CompletableFuture<Void> opened = new CompletableFuture<>();
            WebSocket ws = Polling.HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(Server.url().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket&sid=" + sid),
                            new WebSocket.Listener() {
                                @Override
                                public void onOpen(WebSocket webSocket) {
                                    webSocket.request(Long.MAX_VALUE);
                                    opened.complete(null);
                                }
                            })
                    .get(10, TimeUnit.SECONDS);
            try {
                opened.get(10, TimeUnit.SECONDS);
                ws.sendText("2probe", true).get(10, TimeUnit.SECONDS);
                ws.sendText("5", true).get(10, TimeUnit.SECONDS);
                HttpResponse<String> poll = Polling.HTTP.send(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, poll.statusCode(), "try " + i + ": " + poll.body());
            } finally {
                ws.abort();
            }
        }
    }

    @Test
    void aConnectToAnotherNamespaceGetsInvalidNamespaceForThatNamespace(@Registered("pe_nsp") Login me) throws Exception {
        String sid = Polling.handshake();
        Polling.post(sid, "40/admin," + new JSONObject().put("token", me.token()));
        assertEquals("44/admin,{\"message\":\"Invalid namespace\"}", Polling.get(sid));
        // The connection stays for the namespace that exists.
        Polling.post(sid, "40" + new JSONObject().put("token", me.token()));
        assertTrue(Polling.get(sid).startsWith("40{\"sid\":"));
    }

    @Test
    void aRefusedConnectToTheMainNamespaceCarriesNoNamespace() throws Exception {
        String sid = Polling.handshake();
        Polling.post(sid, "40{\"token\":\"not a token\"}");
        assertEquals("44{\"message\":\"unauthorized\"}", Polling.get(sid));
    }

    @Test
    void aSocketIoClientConnectingToAnotherNamespaceGetsConnectErrorThere(@Registered("pe_admin") Login me) {
        for (String transport : new String[] {"websocket", "polling"}) {
            try (Sock admin = Sock.open(Server.url() + "/admin", Sock.options(me.token(), transport))) {
                assertEquals("Invalid namespace", admin.awaitConnectError());
                assertFalse(admin.connected());
            }
        }
    }

    @Test
    void anUnknownEventWithAnAckGetsInvalidPayload(@Registered("pe_unknown") Login me) {
        try (Sock sock = Sock.connect(me.token())) {
            JSONObject ack = sock.ack("no_such_event", new JSONObject().put("text", "x"));
            assertEquals("invalid_payload", Sock.ackError(ack));
            assertEquals("invalid_payload", Sock.ackError(sock.ack("ready")));
            assertTrue(sock.ack("message", "still connected").getBoolean("ok"));
        }
    }
}
