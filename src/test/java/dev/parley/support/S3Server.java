package dev.parley.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The S3-compatible server the S3 store's tests run against (docs/testing.md, "S3"): S3Proxy
 * ({@code org.gaul:s3proxy}, its jar with dependencies from Maven Central, copied to target/ by the
 * build), the S3 API over Apache jclouds' filesystem store in a folder of target/, on the build's own
 * JDK. Run by the build through exec-maven-plugin, like {@link Keycloak}:
 * <ul>
 * <li>{@code spawn JAR PORT DIR LOG}: starts it (its objects under DIR, emptied first) and returns at once;</li>
 * <li>{@code await DIR PORT LOG}: returns once it answers S3 requests, failing the build with the log's tail if not;</li>
 * <li>{@code start JAR PORT DIR LOG}: both;</li>
 * <li>{@code stop DIR}: stops the one it started (its process id is kept beside DIR).</li>
 * </ul>
 * Its credentials are fixed test values ({@link #ACCESS_KEY}, {@link #SECRET_KEY}); it listens on 127.0.0.1 only.
 */
public final class S3Server {
    public static final String ACCESS_KEY = "parley-it";
    public static final String SECRET_KEY = "parley-it-secret";
    public static final String REGION = "us-east-1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private S3Server() {
    }

    /** The build's server, as failsafe is told of it ({@code parley.it.s3.endpoint}). */
    public static String endpoint() {
        return System.getProperty("parley.it.s3.endpoint", "http://127.0.0.1:18390");
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "stop" -> stop(Path.of(args[1]));
            case "spawn" -> spawn(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
            case "await" -> await(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "start" -> {
                spawn(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
                await(Path.of(args[3]), Integer.parseInt(args[2]), Path.of(args[4]));
            }
            default -> throw new IllegalArgumentException("spawn, await, start or stop, not " + args[0]);
        }
    }

    static void spawn(Path jar, int port, Path dir, Path log) throws Exception {
        stop(dir); // one left from a build that was cut short
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("No S3Proxy jar at " + jar + " (the build copies it in pre-integration-test)");
        deleteTree(dir);
        Path objects = Files.createDirectories(dir.resolve("objects"));
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + objects.toAbsolutePath(),
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--properties", properties.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectOutput(log.toFile());
        builder.environment().put("LOG_LEVEL", "warn"); // its logback.xml reads this; info logs every request
        Process server = builder.start();
        Files.writeString(pidFile(dir), Long.toString(server.pid()));
        System.out.println("S3Proxy starting on port " + port + " (pid " + server.pid() + ", log " + log + ")");
    }

    static void await(Path dir, int port, Path log) throws Exception {
        Path pidFile = pidFile(dir);
        if (!Files.exists(pidFile)) throw new IllegalStateException("No S3Proxy was started in " + dir);
        var found = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        if (found.isEmpty()) throw new IllegalStateException("S3Proxy exited; its log (" + log + ") ends:\n" + tail(log));
        ProcessHandle server = found.get();
        long started = server.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        URI root = URI.create("http://127.0.0.1:" + port + "/");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await("S3Proxy answering").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !server.isAlive() || answers(client, root));
        } catch (ConditionTimeoutException notYet) {
            // said below, with its log
        }
        if (!server.isAlive() || !answers(client, root)) {
            String why = server.isAlive() ? "not answering after " + READY_TIMEOUT.toSeconds() + " s" : "it exited";
            stop(dir);
            throw new IllegalStateException("S3Proxy did not start (" + why + "); its log (" + log + ") ends:\n" + tail(log));
        }
        System.out.printf("S3Proxy answers on port %d (awaited %.1f s after it was spawned; objects in %s)%n",
                port, (System.currentTimeMillis() - started) / 1e3, dir.resolve("objects"));
    }

    /** An S3 answer, whatever it says: an anonymous request is refused (403) with S3's request id. */
    private static boolean answers(HttpClient client, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).headers().firstValue("x-amz-request-id").isPresent();
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the S3Proxy this class started for DIR, if it runs. */
    static void stop(Path dir) throws IOException, InterruptedException {
        Path pidFile = pidFile(dir);
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        var process = ProcessHandle.of(pid);
        if (process.isPresent() && process.get().info().command().map(c -> c.endsWith("java")).orElse(false)) {
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException stuck) {
                process.get().destroyForcibly();
            }
            System.out.println("Stopped the test S3Proxy (pid " + pid + ")");
        }
        Files.delete(pidFile);
    }

    private static Path pidFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".pid");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "(no log)";
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
