package dev.parley.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The WildFly the build runs black-box tests on a second time (docs/testing.md, "WildFly"): the
 * distribution from Maven Central, unpacked under target/, in its MicroProfile configuration as it
 * ships, with {@code target/parley.war} dropped into its deployments folder as a user would. Run by
 * the build through exec-maven-plugin:
 * <ul>
 * <li>{@code smoke HOME HTTP MANAGEMENT WAR LOG [-Dname=value...]}: starts it on the embedded H2
 * default (no database configured), registers, logs in, connects a socket over WebSocket and over
 * long-polling, with an S3 store given ({@code -Dparley.s3.endpoint}) posts and reads a file
 * ({@link FileSmoke}), and stops it;</li>
 * <li>{@code start HOME HTTP MANAGEMENT WAR LOG [-Dname=value...]}: starts it with these settings and
 * returns once the WAR is deployed (failing the build at once if it is not);</li>
 * <li>{@code stop HOME}: stops the one it started (its process id is kept in HOME).</li>
 * </ul>
 * Ports: HTTP is HTTP's; every other port WildFly opens is moved by the same offset from its default,
 * except management (MANAGEMENT) and the ones kept near it, so that checkouts building side by side
 * each pass their own ({@code -Dit.wildfly.port}, {@code -Dit.wildfly.management-port}).
 */
public final class WildFly {
    private static final String PID_FILE = "parley-it.pid";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);

    private WildFly() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        switch (args[0]) {
            case "stop" -> stop(home);
            case "start" -> start(home, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]),
                    Arrays.asList(args).subList(6, args.length));
            case "smoke" -> smoke(home, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]),
                    Arrays.asList(args).subList(6, args.length));
            default -> throw new IllegalArgumentException("start, smoke or stop, not " + args[0]);
        }
    }

    /** On the embedded default: the WAR deploys, and register, login and both socket transports work. */
    static void smoke(Path home, int http, int management, Path war, Path log, List<String> settings) throws Exception {
        String store = settings.stream().filter(s -> s.startsWith("-Dparley.s3.endpoint=")).map(s -> s.substring(s.indexOf('=') + 1)).findFirst().orElse(null);
        if (store != null) FileSmoke.awaitStore(store, Duration.ofMinutes(1));
        start(home, http, management, war, log, settings);
        try {
            String url = "http://127.0.0.1:" + http;
            Server.awaitReady(url, Duration.ofMinutes(1));
            Api api = new Api(url);
            Api.Login login = api.registerAndLogin("wf_h2");
            if (api.get("/api/users/me", login.token()).status() != 200) throw new AssertionError("GET /api/users/me failed");
            try (Sock webSocket = Sock.connectTo(url, login.token(), "websocket");
                 Sock polling = Sock.connectTo(url, login.token(), "polling")) {
                System.out.println("WildFly on the embedded default: register, login and sockets (WebSocket, polling) work");
            }
            if (store != null) FileSmoke.run(url);
        } finally {
            stop(home);
        }
    }

    /**
     * The one change to the server's configuration that Parley needs (docs/operations.md, "WildFly"): Undertow
     * refuses a request whose {@code Content-Length} passes its listener's {@code max-post-size} (10 MB as
     * shipped) with a bare 400 before any application code runs, and a file may have 25 MB. Raised as a
     * deployment would (the file plus 1 MB for multipart headers), idempotently.
     */
    static void allowUploads(Path config) throws java.io.IOException {
        String xml = Files.readString(config);
        String listener = "<http-listener name=\"default\" ";
        if (!xml.contains(listener) || xml.contains(listener + "max-post-size=")) return;
        Files.writeString(config, xml.replace(listener, listener + "max-post-size=\"27262976\" "));
    }

    static void start(Path home, int http, int management, Path war, Path log, List<String> settings) throws Exception {
        stop(home); // one left from a build that was cut short
        Path standalone = home.resolve("standalone");
        for (String fresh : List.of("data", "tmp", "deployments")) deleteTree(standalone.resolve(fresh));
        Files.createDirectories(standalone.resolve("deployments"));
        Files.copy(war, standalone.resolve("deployments/parley.war"), StandardCopyOption.REPLACE_EXISTING);
        allowUploads(standalone.resolve("configuration/standalone-microprofile.xml"));

        int offset = http - 8080;
        if (offset < 0) throw new IllegalArgumentException("WildFly's HTTP port must be 8080 or above: " + http);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-microprofile.xml",
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.management.http.port=" + (management - offset),
                "-Djboss.management.https.port=" + (management + 1 - offset),
                "-Djboss.https.port=" + (management + 2 - offset),
                "-Djboss.ajp.port=" + (management + 3 - offset)));
        command.addAll(settings);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process server = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Files.writeString(home.resolve(PID_FILE), Long.toString(server.pid()));

        Path deployed = standalone.resolve("deployments/parley.war.deployed");
        Path failed = standalone.resolve("deployments/parley.war.failed");
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
        while (!Files.exists(deployed)) {
            if (Files.exists(failed) || !server.isAlive() || System.nanoTime() > deadline) {
                String why = Files.exists(failed) ? Files.readString(failed) : server.isAlive() ? "timed out" : "the server exited";
                stop(home);
                throw new IllegalStateException("WildFly did not deploy parley.war (" + why + "); see " + log);
            }
            Thread.sleep(250); // a file to appear; nothing to subscribe to
        }
        System.out.println("WildFly serves parley.war on port " + http + " (management " + management + ", log " + log + ")");
    }

    /** Stops the server this class started in HOME (its shell and the JVM under it), if it runs. */
    static void stop(Path home) throws IOException, InterruptedException {
        Path pidFile = home.resolve(PID_FILE);
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        var process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            List<ProcessHandle> all = Stream.concat(process.get().descendants(), Stream.of(process.get())).toList();
            all.forEach(ProcessHandle::destroy); // the JVM shuts down gracefully on SIGTERM
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(60, TimeUnit.SECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException stuck) {
                    p.destroyForcibly();
                }
            }
            System.out.println("Stopped the test WildFly (pid " + pid + ")");
        }
        Files.delete(pidFile);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
