package dev.parley.support;

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
import java.util.concurrent.atomic.AtomicInteger;

/** A plain REST client for the black-box tests. */
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

    /** The server admin the test server is started with ({@code -Dparley.admins=it_admin}), registered on first use. */
    public static final String ADMIN = "it_admin";

    /** Signs in as {@link #ADMIN}, registering the account if this run has not yet. */
    public Login admin() {
        synchronized (Api.class) {
            Reply registered = register(ADMIN);
            if (registered.status() != 201 && registered.status() != 409) throw new IllegalStateException("register admin: " + registered.body());
        }
        return login(ADMIN);
    }

    public Login login(String username) {
        Reply reply = post("/api/auth/login", null, credentials(username, PASSWORD));
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
