package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONArray;
import org.json.JSONObject;

/** A real Socket.IO client (io.socket:socket.io-client) that records what the server sends. */
public final class Sock implements AutoCloseable {
    public static final long TIMEOUT_SECONDS = 10;
    private static final List<String> RECORDED = Stream.concat(Contract.SERVER_EVENTS.stream(),
            Stream.of(Socket.EVENT_CONNECT, Socket.EVENT_DISCONNECT, Socket.EVENT_CONNECT_ERROR)).toList();

    private final Socket socket;
    private final Map<String, BlockingQueue<Object[]>> received = new ConcurrentHashMap<>();
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private JSONObject ready;

    private Sock(String url, IO.Options options) {
        socket = IO.socket(URI.create(url), options);
        for (String event : RECORDED) {
            socket.on(event, args -> {
                arrivals.add(new Arrival(event, args.length == 0 ? null : args[0]));
                queue(event).add(args);
            });
        }
        socket.connect();
    }

    /**
     * One OkHttp client for every test socket, without OkHttp's default cap of 64 concurrent calls
     * (WebSockets count against it: past 64 open sockets, new ones would wait forever).
     */
    private static final OkHttpClient HTTP;

    static {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(10_000);
        dispatcher.setMaxRequestsPerHost(10_000);
        HTTP = new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(0, TimeUnit.MILLISECONDS).build();
    }

    public static IO.Options options(String token, String... transports) {
        IO.Options options = new IO.Options();
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        options.forceNew = true;
        options.reconnection = false;
        if (token != null) options.auth = Map.of("token", token);
        if (transports.length > 0) options.transports = transports;
        return options;
    }

    /** Connected and {@code ready}, over the given transports (WebSocket alone when none are named). */
    public static Sock connect(String token, String... transports) {
        return connectTo(Server.url(), token, transports);
    }

    /** Connected to the server at {@code url} (an {@link OwnServer}'s, say) and {@code ready}. */
    public static Sock connectTo(String url, String token, String... transports) {
        Sock sock = open(url, options(token, transports.length == 0 ? new String[] {"websocket"} : transports));
        sock.awaitReady();
        return sock;
    }

    /** Connecting, with nothing awaited yet. */
    public static Sock open(IO.Options options) {
        return new Sock(Server.url(), options);
    }

    /** Connecting to another server, or to a namespace ({@code url} ending in {@code /admin}, say). */
    public static Sock open(String url, IO.Options options) {
        return new Sock(url, options);
    }

    /** The {@code ready} payload, awaited the first time. */
    public JSONObject awaitReady() {
        if (ready != null) return ready;
        Object[] first = awaitAny("ready", Socket.EVENT_CONNECT_ERROR);
        if (first[0] instanceof JSONObject payload && payload.has("user")) {
            ready = payload;
            return ready;
        }
        fail("connect_error instead of ready: " + first[0]);
        return null;
    }

    /** {@code "ready"} once ready, or the message of the {@code connect_error} it got instead. */
    public String awaitOutcome() {
        Object[] first = awaitAny("ready", Socket.EVENT_CONNECT_ERROR);
        if (first[0] instanceof JSONObject payload && payload.has("user")) {
            ready = payload;
            return "ready";
        }
        return first[0] instanceof JSONObject json ? json.optString("message") : String.valueOf(first[0]);
    }

    /** The message of the {@code connect_error} this socket got. */
    public String awaitConnectError() {
        Object error = await(Socket.EVENT_CONNECT_ERROR)[0];
        return error instanceof JSONObject json ? json.optString("message") : String.valueOf(
                error instanceof Exception e ? e.getMessage() : error);
    }

    /** The next occurrence of {@code event}, or a failure after the timeout. */
    public Object[] await(String event) {
        try {
            Object[] args = queue(event).poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(args, "no '" + event + "' within " + TIMEOUT_SECONDS + " s");
            return args;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JSONObject awaitJson(String event) {
        return (JSONObject) await(event)[0];
    }

    /** The next {@code message}, after checking it is the one with this id. */
    public JSONObject awaitMessage(long id) {
        return awaitWithId("message", id);
    }

    /** The next {@code private_message}, after checking it is the one with this id. */
    public JSONObject awaitPrivateMessage(long id) {
        return awaitWithId("private_message", id);
    }

    private JSONObject awaitWithId(String event, long id) {
        JSONObject payload = awaitJson(event);
        assertEquals(id, payload.getLong("id"));
        return payload;
    }

    private Object[] awaitAny(String a, String b) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                Object[] x = queue(a).poll(20, TimeUnit.MILLISECONDS);
                if (x != null) return x;
                Object[] y = queue(b).poll(20, TimeUnit.MILLISECONDS);
                if (y != null) return y;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("neither '" + a + "' nor '" + b + "' within " + TIMEOUT_SECONDS + " s");
    }

    /** Emits with an ack callback and returns the ack. */
    public JSONObject ack(String event, Object... payload) {
        CompletableFuture<Object[]> ack = new CompletableFuture<>();
        Object[] args = new Object[payload.length + 1];
        System.arraycopy(payload, 0, args, 0, payload.length);
        args[payload.length] = (Ack) ack::complete;
        socket.emit(event, args);
        try {
            return (JSONObject) ack.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("no ack for '" + event + "' within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Emits {@code message} or {@code private_message} with an ack; the stored message's id, after checking the ack is ok. */
    public long post(String event, Object payload) {
        return ok(ack(event, payload)).getJSONObject("message").getLong("id");
    }

    public void emit(String event, Object... payload) {
        socket.emit(event, payload);
    }

    /** An event as it arrived, with its first argument. */
    public record Arrival(String event, Object payload) {
    }

    /** Every event that has arrived so far, in the order it arrived (whether awaited or not). */
    public List<Arrival> arrivedSoFar() {
        return List.copyOf(arrivals);
    }

    /** Whether nothing more of {@code event} has arrived so far (for use after a later event has been awaited). */
    public boolean noMore(String event) {
        return queue(event).isEmpty();
    }

    /** {@code session_terminated} with the reason, then the disconnect; the socket is closed after. */
    public void awaitTerminated(String reason) {
        assertEquals(reason, awaitJson("session_terminated").getString("reason"));
        await(Socket.EVENT_DISCONNECT);
        close();
    }

    /** The next {@code room_created} for the room {@code name} (others, from rooms made meanwhile, are skipped). */
    public JSONObject awaitRoomCreated(String name) {
        while (true) {
            JSONObject room = awaitJson("room_created");
            if (name.equals(room.optString("name"))) return room;
        }
    }

    /** The ack, after checking {@code ok} is true. */
    public static JSONObject ok(JSONObject ack) {
        assertEquals(true, ack.getBoolean("ok"), () -> "expected a successful ack: " + ack);
        return ack;
    }

    /** The error code of a failed ack, after checking {@code ok} is false. */
    public static String ackError(JSONObject ack) {
        assertEquals(false, ack.getBoolean("ok"), () -> "expected a failed ack: " + ack);
        return ack.getJSONObject("error").getString("code");
    }

    /** The {@code message} payload for a room. */
    public static JSONObject say(String room, String text) {
        return new JSONObject().put("room", room).put("text", text);
    }

    /** The {@code private_message} payload. */
    public static JSONObject dm(String to, String text) {
        return new JSONObject().put("to", to).put("text", text);
    }

    /** A payload naming only a room ({@code join}, {@code leave}, {@code typing}, {@code focus}). */
    public static JSONObject inRoom(String room) {
        return new JSONObject().put("room", room);
    }

    /** The ids of an ack's {@code messages}, in the order given. */
    public static List<Long> ids(JSONArray messages) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) ids.add(messages.getJSONObject(i).getLong("id"));
        return ids;
    }

    public boolean connected() {
        return socket.connected();
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        socket.close();
    }

    private BlockingQueue<Object[]> queue(String event) {
        return received.computeIfAbsent(event, e -> new LinkedBlockingQueue<>());
    }
}
