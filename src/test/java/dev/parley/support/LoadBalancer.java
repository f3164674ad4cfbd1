package dev.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * HAProxy in front of two Parley nodes, run from the deployment's own config, {@code docker/haproxy.cfg}
 * (the one {@code docker/compose.yaml} mounts), with Debian's {@code haproxy}: the same balancing,
 * stickiness and {@code /health/ready} checks, with the nodes' addresses and its own ports from the
 * environment. Its log is {@code target/haproxy-<name>.log}.
 *
 * <p>{@code start("lb", port, "127.0.0.1:8281", "127.0.0.1:8282")}: clients use {@link #url()}; the
 * config names the nodes {@code parley1} and {@code parley2}, {@link #status} tells what HAProxy's
 * checks think of each, and every response says in {@code X-Parley-Node} which node answered.
 */
public final class LoadBalancer implements AutoCloseable {
    public static final String NODE_HEADER = "X-Parley-Node";
    private static final Path TARGET = Path.of(System.getProperty("parley.it.target", "target")).toAbsolutePath();
    private static final Path CONFIG = TARGET.getParent().resolve("docker/haproxy.cfg");
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;

    private LoadBalancer(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * HAProxy on 127.0.0.1:{@code port} (its stats page on {@code port + 1}) in front of {@code node1}
     * and {@code node2} ({@code host:port}), once it listens. The nodes need not be up: health checks
     * take them in as they become ready.
     */
    public static LoadBalancer start(String name, int port, String node1, String node2) {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("HAProxy is missing: install Debian's package (apt-get install -y haproxy); .ci/run does");
        }
        ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-f", CONFIG.toString(), "-db")
                .redirectErrorStream(true)
                .redirectOutput(TARGET.resolve("haproxy-" + name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("PARLEY_LB_BIND", "127.0.0.1:" + port);
        env.put("PARLEY_LB_STATS_BIND", "127.0.0.1:" + (port + 1));
        env.put("PARLEY_NODE1", node1);
        env.put("PARLEY_NODE2", node2);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadBalancer lb = new LoadBalancer(name, port, process);
        Awaitility.await("HAProxy " + name + " listening").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) throw new AssertionError("HAProxy exited: see " + lb.log());
                    return lb.statsCsv() != null;
                });
        return lb;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** HAProxy's state of a node ({@code parley1} or {@code parley2}): {@code UP}, {@code DOWN}, or on the way ({@code UP 1/2}, ...). */
    public String status(String node) {
        List<String> lines = Arrays.asList(statsCsv().split("\n"));
        List<String> columns = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
        int proxy = columns.indexOf("pxname");
        int server = columns.indexOf("svname");
        int status = columns.indexOf("status");
        return lines.stream().skip(1).map(line -> line.split(",", -1))
                .filter(cells -> cells.length > status && cells[proxy].equals("nodes") && cells[server].equals(node))
                .map(cells -> cells[status]).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + node + " in HAProxy's stats"));
    }

    /** Waits until HAProxy's checks have brought {@code node} to {@code status} ({@code UP}, {@code DOWN}). */
    public void awaitStatus(String node, String status, Duration timeout) {
        Awaitility.await(name + "'s " + node + " " + status).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> status(node).equals(status));
    }

    public Path log() {
        return TARGET.resolve("haproxy-" + name + ".log");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String statsCsv() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 1) + "/;csv"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
