package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.ClusterNodes;
import dev.parley.support.FreshDatabase;
import dev.parley.support.TestDatabase;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Only nodes that share the cluster secret exchange events (issue #21): the same pair of real nodes as
 * ClusterIT (support/ClusterNodes), once with one secret, once with two. A direct message posted on A
 * reaches its recipient's socket on B with the same secret; with another, B drops it unread, counts it
 * and says so in its log, while B's own message still reaches the same socket. The two messages are in
 * different conversations, so that B does not read A's from the database as a gap before its own.
 */
class ClusterSecretIT {
    private static final String REFUSAL = "Cluster: refused an event it could not authenticate";

    @Test
    void nodesWithTheSameSecretExchangeEvents() {
        try (ClusterNodes nodes = ClusterNodes.of(Map.of()).start()) {
            Api a = nodes.a().api();
            Api b = nodes.b().api();
            Login alice = a.registerAndLogin("cs_same");
            Login carol = b.registerAndLogin("cs_same");
            try (Sock carolOnB = b.connect(carol)) {
                long fromA = a.postDirect(alice, carol.username(), "from a");
                carolOnB.awaitPrivateMessage(fromA);
            }
            assertEquals(0, b.metric("parley_cluster_relay_refused_total"));
        }
    }

    @Test
    void nodesWithDifferentSecretsDoNotExchangeEventsAndTheReceivingNodeSaysSo() {
        ClusterNodes nodes = ClusterNodes.of(Map.of());
        nodes.b().with("parley.cluster.secret", "not the secret node A has, but as long");
        long logA = size(nodes.a().log());
        long logB = size(nodes.b().log());
        try (nodes) {
            nodes.start();
            Api a = nodes.a().api();
            Api b = nodes.b().api();
            Login alice = a.registerAndLogin("cs_other");
            Login bob = b.registerAndLogin("cs_other");
            Login carol = b.registerAndLogin("cs_other");
            try (Sock carolOnB = b.connect(carol)) {
                double refusedBefore = b.metric("parley_cluster_relay_refused_total");
                long fromA = a.postDirect(alice, carol.username(), "from a");
                Awaitility.await("B drops A's event").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> b.metric("parley_cluster_relay_refused_total") > refusedBefore);
                long fromB = b.postDirect(bob, carol.username(), "from b");
                carolOnB.awaitPrivateMessage(fromB);
                assertFalse(carolOnB.arrivedSoFar().stream().anyMatch(e -> e.payload() instanceof JSONObject j && j.optLong("id") == fromA),
                        "A's message never reached the socket on B: " + carolOnB.arrivedSoFar());
            }
            for (OwnServer node : new OwnServer[] {nodes.b(), nodes.a()}) {
                long from = node == nodes.a() ? logA : logB;
                Awaitility.await(node.log() + " says it refused").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> tail(node.log(), from).contains(REFUSAL));
            }
            String log = tail(nodes.b().log(), logB);
            assertTrue(log.lines().filter(l -> l.contains(REFUSAL)).count() <= 2, "at most a line a minute, however many: " + log);
            assertFalse(log.contains("not the secret node A has"), "the secret is never logged");
        }
    }

    @Test
    void aClusteredNodeWithoutASecretDoesNotStartAndSaysWhy() throws Exception {
        int hz = Integer.getInteger("parley.it.cluster.hz-port-a", 6911);
        OwnServer lone = OwnServer.onPort("node_a", Integer.getInteger("parley.it.cluster.port-a", 8281))
                .clustered("parley-it-" + UUID.randomUUID().toString().substring(0, 8), hz, List.of(hz)).with("parley.cluster.secret", "");
        long from = size(lone.log());
        FreshDatabase.recreate(TestDatabase.ADMIN_URL, TestDatabase.USER, lone.databaseName());
        try (lone) {
            lone.spawn();
            assertEquals(1, lone.awaitExitWithin(Duration.ofMinutes(3)), "a clustered node without a secret exits with status 1");
            String log = tail(lone.log(), from);
            assertTrue(log.contains("Parley stops: Cluster: this node is clustered but parley.cluster.secret (PARLEY_CLUSTER_SECRET) is not set"), log);
        }
    }

    private static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            return new String(Arrays.copyOfRange(bytes, (int) Math.min(from, bytes.length), bytes.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
