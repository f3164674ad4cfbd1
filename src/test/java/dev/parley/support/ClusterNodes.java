package dev.parley.support;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/**
 * Two Parley nodes clustered on loopback, as README's "Running several nodes" starts them: the build's
 * WAR on the build's Payara Micro jar, one fresh PostgreSQL database for both, a Hazelcast cluster of a
 * name of its own joined by TCP/IP on 127.0.0.1 (no multicast). As a JUnit extension both start at once
 * before a test class's first test; {@link #start} returns when both answer {@code /health/ready} and
 * count each other ({@code parley_cluster_members}).
 *
 * <p>Ports: HTTP {@code parley.it.cluster.port-a}/{@code -b} (8281/8282), Hazelcast
 * {@code parley.it.cluster.hz-port-a}/{@code -b} (6911/6912), set by the build from {@code it.cluster.*}.
 * Logs: {@code target/own-node_a.log}, {@code own-node_b.log}. Each node can be killed (SIGKILL). Both share a
 * cluster secret made for the pair ({@code parley.cluster.secret}; a node's own {@code with} before
 * {@link #start} gives it another).
 */
public final class ClusterNodes implements RunsForTheClass {
    private final OwnServer a;
    private final OwnServer b;

    private ClusterNodes(OwnServer a, OwnServer b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Two nodes with the settings given (MP Config properties), each also told {@code parley.*} test defaults,
     * started before the test class's first test and stopped after its last one:
     * {@code @RegisterExtension static final ClusterNodes nodes = ClusterNodes.of(Map.of());}. Their URLs and
     * clients ({@code nodes.a().api()}) are known from the start, before the nodes run.
     */
    public static ClusterNodes of(Map<String, String> settings) {
        int httpA = Integer.getInteger("parley.it.cluster.port-a", 8281);
        int httpB = Integer.getInteger("parley.it.cluster.port-b", 8282);
        int hzA = Integer.getInteger("parley.it.cluster.hz-port-a", 6911);
        int hzB = Integer.getInteger("parley.it.cluster.hz-port-b", 6912);
        String cluster = "parley-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> members = List.of(hzA, hzB);
        String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
        OwnServer a = OwnServer.onPort("node_a", httpA).clustered(cluster, hzA, members);
        OwnServer b = OwnServer.onPort("node_b", httpB).clustered(cluster, hzB, members).sharingDatabaseOf(a);
        for (OwnServer node : List.of(a, b)) {
            node.with("parley.cluster.secret", secret).with("parley.signup.max-per-address", "1000000")
                    .with("parley.rest.rate.burst", "1000000").with("parley.rest.rate.per-second", "1000000")
                    .with("parley.socket.rate.burst", "1000000").with("parley.socket.rate.per-second", "1000000")
                    .with("parley.read.rate.burst", "1000000").with("parley.read.rate.per-second", "1000000");
            settings.forEach(node::with);
        }
        return new ClusterNodes(a, b);
    }

    /** Both nodes on a fresh database, until both are ready and count each other. */
    @Override
    public ClusterNodes start() {
        try {
            FreshDatabase.recreate(TestDatabase.ADMIN_URL, TestDatabase.USER, a.databaseName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make the database " + a.databaseName(), e);
        }
        try {
            // Both at once: about half the startup time; the schema migration is locked by Flyway.
            a.spawn();
            b.spawn();
            CompletableFuture.allOf(CompletableFuture.runAsync(a::awaitReady), CompletableFuture.runAsync(b::awaitReady)).join();
            awaitMembers(2);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public OwnServer a() {
        return a;
    }

    public OwnServer b() {
        return b;
    }

    /** Until each running node counts {@code n} members. */
    public void awaitMembers(int n) {
        for (OwnServer node : List.of(a, b)) {
            if (!node.isRunning()) continue;
            Awaitility.await(node.url() + " sees " + n + " cluster members").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> node.api().metric("parley_cluster_members") == n);
        }
    }

    @Override
    public void close() {
        CompletableFuture.allOf(CompletableFuture.runAsync(a::close), CompletableFuture.runAsync(b::close)).join();
    }
}
