package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The REST client of the black-box tests: requests of any shape, and the chat's usual steps (sign up, log
 * in, make and join rooms, post, read) with the status each must answer checked.
 */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger NAMES = new AtomicInteger();
    public static final String PASSWORD = "correct horse";

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** The server's base URL, for sockets to the same server. */
    public String url() {
        return base;
    }

    public static Api server() {
        return new Api(Server.url());
    }

    /** A username no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + NAMES.incrementAndGet();
    }

    public record Reply(int status, String body, HttpResponse<String> response) {
        public JsonObject json() {
            return (JsonObject) parse(body);
        }

        public JsonStructure structure() {
            return parse(body);
        }

        public String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }

    /** A logged-in user: the token, and the session it belongs to. */
    public record Login(String username, String token, String sessionId, JsonObject body) {
    }

    /** A metric's value from {@code /metrics} (the first series of that name). */
    public double metric(String name) {
        String body = get("/metrics", null).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + name + "\\{[^}]*} ([0-9.E+-]+)$", java.util.regex.Pattern.MULTILINE).matcher(body);
        if (!m.find()) throw new AssertionError(name + " missing from /metrics");
        return Double.parseDouble(m.group(1));
    }

    /** How many sockets the server counts for this login's session ({@code connections} in {@code /api/sessions}). */
    public int connections(Login login) {
        JsonArray sessions = (JsonArray) get("/api/sessions", login.token()).structure();
        return sessions.getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("id").equals(login.sessionId()))
                .mapToInt(s -> s.getInt("connections")).sum();
    }

    /** A socket of {@code who} to this server, connected and {@code ready} (over WebSocket unless transports are named). */
    public Sock connect(Login who, String... transports) {
        return Sock.connectTo(base, who.token(), transports);
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String token) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** A request with a JSON body (or none, when {@code json} is null) under any method: PATCH, a PUT or DELETE with a body. */
    public Reply send(String method, String path, String token, String json) {
        HttpRequest.Builder b = request(path, token);
        if (json != null) b.header("Content-Type", "application/json");
        return send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply register(String username) {
        return post("/api/auth/register", null, credentials(username, PASSWORD));
    }

    public Login registerAndLogin(String prefix) {
        String name = uniqueName(prefix);
        Reply registered = register(name);
        if (registered.status() != 201) throw new IllegalStateException("register: " + registered.body());
        return login(name);
    }

    /** A new guest (the test server allows guests): no password hashing, so many users are quick to make. */
    public Login guest(String prefix) {
        String name = uniqueName(prefix);
        Reply reply = post("/api/auth/guest", null, json("username", name));
        if (reply.status() != 200) throw new IllegalStateException("guest: " + reply.status() + " " + reply.body());
        return loginOf(name, reply.json());
    }

    /**
     * The server admin the test servers make at startup ({@code -Dparley.admin.username=it_admin
     * -Dparley.admin.password=it-admin-password} in pom.xml).
     */
    public static final String ADMIN = "it_admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    /** Signs in as {@link #ADMIN}. */
    public Login admin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    public Login login(String username) {
        return login(username, PASSWORD);
    }

    public Login login(String username, String password) {
        Reply reply = post("/api/auth/login", null, credentials(username, password));
        if (reply.status() != 200) throw new IllegalStateException("login: " + reply.status() + " " + reply.body());
        return loginOf(username, reply.json());
    }

    public static Login loginOf(String username, JsonObject body) {
        return new Login(username, body.getString("token"), body.getJsonObject("session").getString("id"), body);
    }

    public static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    public static String json(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build().toString();
    }

    /** A room name no other test uses (room names are lower case). */
    public static String uniqueRoom(String prefix) {
        return uniqueName(prefix).toLowerCase(Locale.ROOT);
    }

    /** A new room created by {@code creator} (so the creator is its only member); its name. */
    public String createRoom(Login creator, String prefix) {
        String name = uniqueRoom(prefix);
        Reply reply = post("/api/rooms", creator.token(), json("name", name));
        assertEquals(201, reply.status(), () -> "create room: " + reply.body());
        return name;
    }

    /** A new private room created by {@code creator} (its owner and only member); its name. */
    public String createPrivateRoom(Login creator, String prefix) {
        String name = uniqueRoom(prefix);
        Reply reply = post("/api/rooms", creator.token(),
                Json.createObjectBuilder().add("name", name).add("private", true).build().toString());
        assertEquals(201, reply.status(), () -> "create private room: " + reply.body());
        return name;
    }

    /** {@code by} invites {@code who} to the room. */
    public void invite(Login by, String room, Login who) {
        Reply reply = post("/api/rooms/" + room + "/invites", by.token(), json("username", who.username()));
        assertEquals(204, reply.status(), () -> "invite: " + reply.body());
    }

    /** The names of the rooms {@code GET /api/rooms} lists for {@code user}. */
    public List<String> listed(Login user) {
        return rooms(user).stream().map(r -> r.getString("name")).toList();
    }

    /** A new room made by {@code owner} and joined by {@code members}; its name. */
    public String roomOf(Login owner, Login... members) {
        String name = createRoom(owner, "r");
        for (Login member : members) join(member, name);
        return name;
    }

    /** Joins; the room object of the answer. */
    public JsonObject join(Login user, String room) {
        Reply reply = put("/api/rooms/" + room + "/members/me", user.token());
        assertEquals(200, reply.status(), () -> "join: " + reply.body());
        return reply.json().getJsonObject("room");
    }

    /** Posts to a room; the new message's id. */
    public long postMessage(Login sender, String room, String text) {
        return messageId(post("/api/rooms/" + room + "/messages", sender.token(), json("text", text)));
    }

    /** Sends a direct message; the new message's id. */
    public long postDirect(Login sender, String to, String text) {
        return messageId(post("/api/conversations/" + to + "/messages", sender.token(), json("text", text)));
    }

    /** Posts {@code n} messages {@code prefix0, prefix1, ...} to a room; their ids in order. */
    public List<Long> postMany(Login sender, String room, String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> postMessage(sender, room, prefix + i)).toList();
    }

    /** The id of the message in a 201 {@code {message}} answer. */
    public static long messageId(Reply reply) {
        assertEquals(201, reply.status(), () -> "post: " + reply.body());
        return reply.json().getJsonObject("message").getJsonNumber("id").longValue();
    }

    /** Moves the caller's read marker in a room. */
    public void readRoom(Login user, String room, long upTo) {
        markRead("/api/rooms/" + room + "/read", user, upTo);
    }

    /** Moves the caller's read marker in a direct conversation. */
    public void readConversation(Login user, String with, long upTo) {
        markRead("/api/conversations/" + with + "/read", user, upTo);
    }

    private void markRead(String path, Login user, long upTo) {
        Reply reply = post(path, user.token(), Json.createObjectBuilder().add("upTo", upTo).build().toString());
        assertEquals(204, reply.status(), () -> "read: " + reply.body());
    }

    /** The room as {@code GET /api/rooms} shows it to {@code user}. */
    public JsonObject room(Login user, String name) {
        return listedBy(user, "/api/rooms", "name", name);
    }

    /** The conversation with {@code with} as {@code GET /api/conversations} shows it to {@code user}. */
    public JsonObject conversation(Login user, String with) {
        return listedBy(user, "/api/conversations", "with", with);
    }

    private List<JsonObject> rooms(Login user) {
        Reply reply = get("/api/rooms", user.token());
        assertEquals(200, reply.status(), reply::body);
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    /** The entry of the list at {@code path} whose {@code key} is {@code value}, failing when there is none. */
    private JsonObject listedBy(Login user, String path, String key, String value) {
        Reply reply = get(path, user.token());
        assertEquals(200, reply.status(), reply::body);
        return reply.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString(key).equals(value)).findFirst()
                .orElseGet(() -> fail("no " + key + " " + value + " in GET " + path + ": " + reply.body()));
    }

    public int roomUnread(Login user, String room) {
        return room(user, room).getInt("unread");
    }

    public int conversationUnread(Login user, String with) {
        return conversation(user, with).getInt("unread");
    }

    /** The ids of a REST page's {@code messages}, in the order given. */
    public static List<Long> ids(JsonArray messages) {
        return messages.getValuesAs(JsonObject.class).stream().map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    /**
     * Posts to {@code feed} and waits until each socket got that message: events sent to a socket before
     * it came first, so a socket that had nothing else by then was sent nothing else (see {@code Sock.noMore}).
     */
    public void fence(Login by, Sock... socks) {
        long id = postMessage(by, "feed", "fence");
        for (Sock s : socks) {
            while (s.awaitJson("message").getLong("id") != id) {
                // feed traffic from before the fence
            }
        }
    }

    /**
     * {@link #fence}, after every {@code notification} due before it: notifications are sent after
     * their messages by one line per node, in commit order, off the committing thread, so a message
     * fence alone may pass a notification still in that line. A fresh user's mention, awaited on their
     * socket, has passed the line; the message fence after it reaches each socket after whatever was
     * queued on it before.
     */
    public void fenceNotifications(Login by, Sock... socks) {
        Login watcher = guest("fence");
        try (Sock watching = Sock.connectTo(url(), watcher.token())) {
            long id = postMessage(by, "feed", "fence @" + watcher.username());
            while (watching.awaitJson("notification").getLong("messageId") != id) {
                // nothing else mentions a fresh user; kept a loop for clarity
            }
        }
        fence(by, socks);
    }

    /**
     * A POST sent from another loopback address ({@code 127.0.0.5}, say), so that per-address limits
     * tripped by a test stay with that address. The JDK's HttpClient cannot choose its local address.
     */
    public int postFrom(String localAddress, String path, String json) {
        return sendFrom(localAddress, "POST", path, null, json);
    }

    /** Like {@link #postFrom}, under any method, with a bearer token when it is not null. */
    public int sendFrom(String localAddress, String method, String path, String token, String json) {
        return sendFrom(localAddress, method, path, token, json, "").status();
    }

    /**
     * As {@link #postFrom(String, String, String)}, with extra header lines ({@code "X-Forwarded-For: 203.0.113.9\r\n"},
     * say), answering the status and the body.
     */
    public Reply postFrom(String localAddress, String path, String json, String headerLines) {
        return sendFrom(localAddress, "POST", path, null, json, headerLines);
    }

    private Reply sendFrom(String localAddress, String method, String path, String token, String json, String headerLines) {
        URI uri = URI.create(base + path);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName(uri.getHost()), uri.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + (token == null ? "" : "\r\nAuthorization: Bearer " + token)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n" + headerLines + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            boolean chunked = false;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                chunked |= line.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding: chunked");
            }
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) rest.append(line).append('\n');
            return new Reply(status, chunked ? unchunk(rest.toString()) : rest.toString().strip(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a chunked response read as lines: the chunk sizes dropped. */
    private static String unchunk(String lines) {
        StringBuilder body = new StringBuilder();
        String[] parts = lines.split("\n");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (Integer.parseInt(parts[i].strip(), 16) == 0) break;
            body.append(parts[i + 1]);
        }
        return body.toString();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (HttpTimeoutException e) {
            Stuck.timedOut(base);
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return (JsonStructure) value;
        }
    }
}
