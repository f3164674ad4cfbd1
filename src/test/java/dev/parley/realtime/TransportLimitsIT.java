package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.RawHttp;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Origins, payload caps and the handshake's advertised settings. */
class TransportLimitsIT {
    private static final int MAX_PAYLOAD = Integer.getInteger("parley.it.max-payload", 100_000);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Api api = Api.server();

    @Test
    void theHandshakeAdvertisesTheConfiguredSettings() throws Exception {
        JSONObject open = handshake(null);
        assertEquals(MAX_PAYLOAD, open.getInt("maxPayload"));
        assertEquals(25000, open.getInt("pingInterval"));
        assertEquals(20000, open.getInt("pingTimeout"));
        assertEquals(List.of("websocket"), open.getJSONArray("upgrades").toList());
    }

    @Test
    void aForeignOriginIsRefusedOnBothTransports() throws Exception {
        var polling = HTTP.send(handshakeRequest("http://evil.example"), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, polling.statusCode());

        Login me = api.registerAndLogin("o_evil");
        IO.Options options = Sock.options(me.token(), "websocket");
        options.extraHeaders = Map.of("Origin", List.of("http://evil.example"));
        try (Sock sock = Sock.open(options)) {
            sock.await(Socket.EVENT_CONNECT_ERROR);
            assertTrue(!sock.connected());
        }
    }

    @Test
    void theServersOwnOriginIsAllowedWithCors() throws Exception {
        String own = Server.url();
        var polling = HTTP.send(handshakeRequest(own), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, polling.statusCode());
        Login me = api.registerAndLogin("o_own");
        IO.Options options = Sock.options(me.token(), "websocket");
        options.extraHeaders = Map.of("Origin", List.of(own));
        try (Sock sock = Sock.open(options)) {
            sock.awaitReady();
        }
        var preflight = HTTP.send(HttpRequest.newBuilder(URI.create(own + "/api/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void anOversizedPollingBodyIsRefusedWithoutHarm(@Registered("o_bigpoll") Login me) throws Exception {
        try (Sock sock = Sock.connect(me.token(), "polling")) {
            String sid = handshake(null).getString("sid");
            // Raw HTTP: the JDK 17 client never completes an Expect: 100-continue request answered with
            // a final status by Undertow (WildFly), whatever its timeout; curl and this see the 413.
            byte[] body = ("4" + "x".repeat(MAX_PAYLOAD + 1)).getBytes(StandardCharsets.UTF_8);
            var post = RawHttp.server().post("/socket.io/?EIO=4&transport=polling&sid=" + sid, body,
                    "Expect: 100-continue", "Content-Type: text/plain;charset=UTF-8", "Content-Length: " + body.length);
            assertEquals(413, post.status());
            assertTrue(sock.ack("message", "still fine").getBoolean("ok"));
        }
    }

    @Test
    void anOversizedWebSocketMessageClosesOnlyThatSocket(@Registered("o_bigws") Login bystanding) {
        Login greedy = api.login(bystanding.username());
        try (Sock bystander = Sock.connect(bystanding.token());
             Sock big = Sock.connect(greedy.token())) {
            assertEquals(1, api.connections(greedy));
            big.emit("message", new JSONObject().put("text", "z".repeat(MAX_PAYLOAD + 10)));
            // The server closes that socket (1009); its session shows no connection left.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.connections(greedy) == 0);
            assertTrue(bystander.ack("message", "after the big one").getBoolean("ok"));
            try (Sock again = Sock.connect(greedy.token())) {
                assertTrue(again.ack("message", "back again").getBoolean("ok"));
            }
        }
    }

    private static JSONObject handshake(String origin) throws Exception {
        var response = HTTP.send(handshakeRequest(origin), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("0{"), response.body());
        return new JSONObject(response.body().substring(1));
    }

    private static HttpRequest handshakeRequest(String origin) {
        var request = HttpRequest.newBuilder(URI.create(Server.url() + "/socket.io/?EIO=4&transport=polling"))
                .timeout(Duration.ofSeconds(20));
        if (origin != null) request.header("Origin", origin);
        return request.build();
    }
}
