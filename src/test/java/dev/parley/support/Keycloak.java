package dev.parley.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Keycloak the sign-on tests log in through (docs/testing.md, "Keycloak"): the Quarkus
 * distribution from Maven Central, unpacked under target/ by the build, run in dev mode on an
 * in-memory database with the realm file of src/test/keycloak imported, on the Temurin JDK (Keycloak
 * needs Java 21 or newer; Parley's build stays on 17). Run by the build through exec-maven-plugin,
 * before the Parley test servers start (they read its discovery document only when sign-on is first
 * used, but the tests need it up):
 * <ul>
 * <li>{@code spawn HOME HTTP MANAGEMENT REALM_FILE LOG}: starts it and returns at once, so that it
 * boots while the Parley test servers do;</li>
 * <li>{@code await HOME HTTP LOG}: returns once the realm's discovery document is served (before the
 * first test), failing the build with the log's tail if it is not in time;</li>
 * <li>{@code start HOME HTTP MANAGEMENT REALM_FILE LOG}: both;</li>
 * <li>{@code stop HOME}: stops the one it started (its process id is kept in HOME).</li>
 * </ul>
 */
public final class Keycloak {
    /** Its master realm's bootstrap admin, for the tests' calls to the admin REST API. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The JDK Keycloak runs on; overridden with {@code -Dit.keycloak.java-home} where it lives elsewhere. */
    static final String JAVA_HOME = System.getProperty("it.keycloak.java-home", "/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final String PID_FILE = "parley-it.pid";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private Keycloak() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        switch (args[0]) {
            case "stop" -> stop(home);
            case "spawn" -> spawn(home, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]));
            case "await" -> await(home, Integer.parseInt(args[2]), Path.of(args[3]));
            case "start" -> {
                spawn(home, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]));
                await(home, Integer.parseInt(args[2]), Path.of(args[5]));
            }
            default -> throw new IllegalArgumentException("spawn, await, start or stop, not " + args[0]);
        }
    }

    static void spawn(Path home, int http, int management, Path realm, Path log) throws Exception {
        stop(home); // one left from a build that was cut short
        if (!Files.isExecutable(Path.of(JAVA_HOME, "bin", "java"))) {
            throw new IllegalStateException("Keycloak needs Java 21 or newer, looked for at " + JAVA_HOME
                    + " (-Dit.keycloak.java-home=...)");
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realm, imports.resolve("parley-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        String base = "http://127.0.0.1:" + http;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + http, "--http-management-port=" + management,
                // the issuer every token names, whichever address a request came in on
                "--hostname=" + base,
                "--http-host=127.0.0.1", "--db=dev-mem", "--import-realm", "--cache=local")
                .directory(home.toFile()).redirectErrorStream(true);
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", JAVA_HOME);
        // Quarkus's thread-local reset on Java 24 and later, else its worker threads fail now and then
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process server = builder.start();
        Files.writeString(home.resolve(PID_FILE), Long.toString(server.pid()));
        System.out.println("Keycloak starting on port " + http + " (pid " + server.pid() + ", log " + log + ")");
    }

    static void await(Path home, int http, Path log) throws Exception {
        Path pidFile = home.resolve(PID_FILE);
        if (!Files.exists(pidFile)) throw new IllegalStateException("No Keycloak was started in " + home);
        var found = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        if (found.isEmpty()) throw new IllegalStateException("Keycloak exited; its log (" + log + ") ends:\n" + tail(log));
        ProcessHandle server = found.get();
        long started = server.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        String base = "http://127.0.0.1:" + http;
        URI discovery = URI.create(base + "/realms/parley/.well-known/openid-configuration");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Duration left = READY_TIMEOUT.minusMillis(System.currentTimeMillis() - started);
        try {
            Awaitility.await("Keycloak's discovery document").atMost(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left)
                    .pollInterval(Duration.ofMillis(250)).until(() -> !server.isAlive() || serves(client, discovery));
        } catch (ConditionTimeoutException notYet) {
            // said below, with its log
        }
        if (!server.isAlive() || !serves(client, discovery)) {
            String why = server.isAlive() ? "not ready after " + READY_TIMEOUT.toSeconds() + " s" : "it exited";
            stop(home);
            throw new IllegalStateException("Keycloak did not start (" + why + "); its log (" + log + ") ends:\n" + tail(log));
        }
        java.util.regex.Matcher boot = java.util.regex.Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        System.out.printf("Keycloak serves the realm parley on port %d (%s; awaited %.1f s after it was spawned; log %s)%n",
                http, boot.find() ? "its own boot: " + boot.group(1) + " s" : "boot time not logged",
                (System.currentTimeMillis() - started) / 1e3, log);
    }

    /** Ends every Keycloak session of the realm user {@code username} (the admin REST API), as an admin logging them out would. */
    public static void logOut(String username) {
        admin("POST", "/users/" + userIdOf(username) + "/logout", 204);
    }

    /** The ids of the Keycloak sessions of {@code username}. */
    public static List<String> sessionsOf(String username) {
        JsonArray sessions = Json.createReader(new StringReader(admin("GET", "/users/" + userIdOf(username) + "/sessions", 200))).readArray();
        return sessions.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    /** Ends one Keycloak session (the admin REST API): the provider sends back-channel logout for it alone. */
    public static void endSession(String sessionId) {
        admin("DELETE", "/sessions/" + sessionId, 204);
    }

    public static String userIdOf(String username) {
        JsonArray users = Json.createReader(new StringReader(admin("GET", "/users?exact=true&username=" + username, 200))).readArray();
        if (users.size() != 1) throw new IllegalStateException("Keycloak has no user " + username);
        return users.getJsonObject(0).getString("id");
    }

    private static String admin(String method, String path, int expected) {
        String base = System.getProperty("parley.it.keycloak.url", "http://127.0.0.1:18380");
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + ADMIN
                            + "&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) throw new IllegalStateException("Keycloak admin token: " + token.statusCode() + " " + token.body());
            String accessToken = Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/parley" + path))
                    .header("Authorization", "Bearer " + accessToken)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != expected) {
                throw new IllegalStateException("Keycloak " + method + " " + path + ": " + reply.statusCode() + " " + reply.body());
            }
            return reply.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean serves(HttpClient client, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "(no log)";
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the Keycloak this class started in HOME (kc.sh and the JVM under it), if it runs. */
    static void stop(Path home) throws IOException, InterruptedException {
        Path pidFile = home.resolve(PID_FILE);
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        var process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            List<ProcessHandle> all = Stream.concat(process.get().descendants(), Stream.of(process.get())).toList();
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException stuck) {
                    p.destroyForcibly();
                }
            }
            System.out.println("Stopped the test Keycloak (pid " + pid + ")");
        }
        Files.delete(pidFile);
    }
}
