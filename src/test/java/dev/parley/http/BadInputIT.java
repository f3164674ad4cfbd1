package dev.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Polling;
import dev.parley.support.RawHttp;
import dev.parley.support.Server;
import dev.parley.support.ServerLog;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Malformed input is refused as the client's mistake: a 4xx in the contract's (or Engine.IO's) error
 * shape, at most one log line per refusal, never a stack trace, and nothing changed.
 */
class BadInputIT {
    private static final int MAX_BODY = 65536;
    private final Api api = Api.server();
    private final ServerLog log = ServerLog.shared();

    @Test
    void malformedPollingPayloadsAre400WithoutAStackTrace(@Registered("bi_poll") Login me) throws Exception {
        String sid = Polling.handshake();
        long mark = log.mark();
        List<String> malformed = List.of("garbage!!", "zzzz", "9abc", "", "b!!!", "4ok\u001e", "\u001e40", "7");
        for (String payload : malformed) {
            HttpResponse<String> refused = Polling.post(sid, payload);
            assertEquals(400, refused.statusCode(), "[" + payload + "] " + refused.body());
            assertEquals(3, new JSONObject(refused.body()).getInt("code"), refused.body());
        }
        quietFor(mark, malformed.size(), "Engine");
        // Nothing was taken from them: the session connects as if they had not been sent.
        assertEquals(200, Polling.post(sid, "40" + new JSONObject().put("token", me.token())).statusCode());
        assertTrue(Polling.get(sid).startsWith("40{\"sid\":"));
    }

    @Test
    void aSocketIoPacketWithBrokenJsonClosesThatConnectionWithoutAStackTrace(@Registered("bi_json") Login me) throws Exception {
        String sid = Polling.handshake();
        Polling.post(sid, "40" + new JSONObject().put("token", me.token()));
        assertTrue(Polling.get(sid).startsWith("40{\"sid\":"));
        long mark = log.mark();
        for (String broken : List.of("42[", "42[\"message\"")) {
            assertEquals(200, Polling.post(sid, broken).statusCode(), "Engine.IO took the packet; Socket.IO could not read it");
        }
        // The connection is closed, as the reference server closes one it cannot parse.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                Polling.HTTP.send(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 400);
        quietFor(mark, 0, "JSON");
    }

    @Test
    void aMalformedWebSocketFrameClosesThatSocketWithoutAStackTrace() throws Exception {
        long mark = log.mark();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = Polling.HTTP.newWebSocketBuilder().buildAsync(
                URI.create(Server.url().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                        closed.complete(status);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("garbage!!", true);
        assertEquals(1002, closed.get(10, TimeUnit.SECONDS), "closed as a protocol error");
        quietFor(mark, 1, "Engine");
    }

    @Test
    void aSecondPendingGetIs400WithoutAStackTrace() throws Exception {
        String sid = Polling.handshake();
        var first = Polling.HTTP.sendAsync(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString());
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !first.isDone());
        long mark = log.mark();
        HttpResponse<String> second = Polling.HTTP.send(Polling.request(sid).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, second.statusCode(), second.body());
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        quietFor(mark, 1, "Engine");
    }

    @Test
    void badBearerTokensAre401AndLogNoStackTrace(@Registered("bi_token") Login me) {
        String tampered = me.token().substring(0, me.token().length() - 6) + "AAAAAA";
        List<String> bad = List.of("abc.def.ghi", "garbage", tampered, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        long mark = log.mark();
        for (String token : bad) {
            Api.Reply reply = api.get("/api/users/me", token);
            assertEquals(401, reply.status(), reply.body());
            assertEquals("unauthorized", reply.errorCode());
        }
        quietFor(mark, bad.size(), "JWT");
        assertEquals(200, api.get("/api/users/me", me.token()).status());
    }

    @Test
    void aRestBodyOverTheLimitIs413UnreadWhateverItsLength(@Registered("bi_body") Login me) {
        String marker = "bi_body_" + System.nanoTime();
        String auth = "Authorization: Bearer " + me.token();
        RawHttp raw = RawHttp.server();

        // 20 MB announced, 100 KB sent: the answer comes without the rest being waited for.
        byte[] start = json(marker, 100_000);
        RawHttp.Response declared = raw.send("POST", "/api/rooms/feed/messages",
                new String[] {auth, "Content-Type: application/json", "Content-Length: 20000000"}, start, false);
        assertTooLarge(declared);

        RawHttp.Response chunked = raw.send("POST", "/api/rooms/feed/messages",
                new String[] {auth, "Content-Type: application/json", "Transfer-Encoding: chunked"},
                chunk(json(marker, MAX_BODY + 10)), false);
        assertTooLarge(chunked);

        RawHttp.Response register = raw.send("POST", "/api/auth/register",
                new String[] {"Content-Type: application/json", "Transfer-Encoding: chunked"},
                chunk(json(marker, 200_000)), false);
        assertTooLarge(register);

        String history = api.get("/api/rooms/feed/messages?limit=20", me.token()).body();
        assertFalse(history.contains(marker), "nothing of a refused body was stored");
    }

    @Test
    void aRestBodyWithinTheLimitIsReadWhicheverWayItIsSent(@Registered("bi_fits") Login me) {
        String auth = "Authorization: Bearer " + me.token();
        RawHttp raw = RawHttp.server();
        RawHttp.Response chunked = raw.send("POST", "/api/rooms/feed/messages",
                new String[] {auth, "Content-Type: application/json", "Transfer-Encoding: chunked"},
                chunk(json("chunked fits", MAX_BODY - 100)), false);
        assertEquals(201, chunked.status(), chunked.body());
        RawHttp.Response declared = raw.post("/api/rooms/feed/messages", json("declared fits", MAX_BODY - 100),
                auth, "Content-Type: application/json", "Content-Length: " + json("declared fits", MAX_BODY - 100).length);
        assertEquals(201, declared.status(), declared.body());
    }

    /** {@code {"text": text}} padded with whitespace to {@code size} bytes: valid JSON of any size. */
    private static byte[] json(String text, int size) {
        String head = "{\"text\":\"" + text + "\"";
        return (head + " ".repeat(Math.max(0, size - head.length() - 1)) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunk(byte[] body) {
        byte[] head = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        return all;
    }

    private static void assertTooLarge(RawHttp.Response response) {
        assertEquals(413, response.status(), response.body());
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
        assertEquals("too_large", error.getString("code"));
        assertFalse(error.getString("message").isBlank());
    }

    /**
     * For a moment after the refusals, the server's log gains no stack trace and at most one record per
     * refusal that mentions {@code about}.
     */
    private void quietFor(long mark, int refusals, String about) {
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> {
            String logged = log.since(mark);
            return !ServerLog.hasStackTrace(logged) && ServerLog.recordsMentioning(logged, about) <= refusals;
        });
        String logged = log.since(mark);
        assertFalse(ServerLog.hasStackTrace(logged), logged);
    }
}
