package dev.parley.support;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two real Hazelcast members in this JVM, joined over loopback (TCP/IP, an explicit member list, no
 * multicast, a random cluster name) on the ports {@code parley.test.hazelcast-port} and the next, for
 * the unit tests of what Parley keeps in the data grid. Started once for the test run by the first
 * class that asks ({@code @ExtendWith(GridMembers.class)}), shut down at its end.
 */
public final class GridMembers implements BeforeAllCallback {
    private static final int PORT = Integer.getInteger("parley.test.hazelcast-port", 6915);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GridMembers.class);
    private static volatile Pair members;
    /** Hazelcast's INFO lines (joins, partitions, shutdowns) would bury the test output; held so that the level sticks. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    static {
        HAZELCAST_LOG.setLevel(Level.WARNING);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("members", k -> start(), Pair.class);
    }

    public static HazelcastInstance a() {
        return started().a;
    }

    public static HazelcastInstance b() {
        return started().b;
    }

    private static Pair started() {
        if (members == null) throw new IllegalStateException("add @ExtendWith(GridMembers.class) to the test class");
        return members;
    }

    /** Two members of one new cluster, both seeing two members. */
    public static Pair start() {
        String cluster = "parley-test-" + UUID.randomUUID();
        HazelcastInstance a = Hazelcast.newHazelcastInstance(config(cluster, PORT));
        HazelcastInstance b = Hazelcast.newHazelcastInstance(config(cluster, PORT + 1));
        Awaitility.await("two members").atMost(Duration.ofSeconds(60))
                .until(() -> a.getCluster().getMembers().size() == 2 && b.getCluster().getMembers().size() == 2);
        members = new Pair(a, b);
        return members;
    }

    private static Config config(String cluster, int port) {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + PORT).addMember("127.0.0.1:" + (PORT + 1));
        return config;
    }

    public record Pair(HazelcastInstance a, HazelcastInstance b) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            b.shutdown();
            a.shutdown();
            members = null;
        }
    }
}
