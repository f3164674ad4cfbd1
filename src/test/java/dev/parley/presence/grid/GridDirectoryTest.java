package dev.parley.presence.grid;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.parley.presence.control.Liveness;
import dev.parley.presence.control.OnlineView;
import dev.parley.presence.control.PresenceAnnounced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence across real Hazelcast members in this JVM, on loopback ports of their own: each member is a
 * node with its directory, its grace timers and its list; every announcement reaches every node's
 * list in order, as the cluster seam's relay does.
 */
class GridDirectoryTest {
    /** This helper's Hazelcast ports (docs/testing.md). */
    static final int[] PORTS = {6931, 6932, 6933};
    static final Duration GRACE = Duration.ofMillis(1000);
    /** Failure detection as configured for Payara in docs/operations.md: heartbeat every second, a member silent 15 s is gone. */
    static final int MAX_NO_HEARTBEAT_SECONDS = 15;
    static final String CLUSTER = "parley-presence-test-" + UUID.randomUUID();

    static final List<Node> NODES = new CopyOnWriteArrayList<>();
    static Node a;
    static Node b;

    /** A Parley node as far as presence goes. */
    static final class Node {
        final String name;
        final HazelcastInstance hazelcast;
        final GridDirectory directory;
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        final OnlineView view = new OnlineView(200, user -> "{\"username\":\"" + user.username() + "\"}");
        final Liveness liveness;
        /** The announcements this node made for the cluster. */
        final List<PresenceAnnounced> announced = new CopyOnWriteArrayList<>();

        Node(String name, int port) {
            this.name = name;
            this.hazelcast = Hazelcast.newHazelcastInstance(config(port));
            this.directory = new GridDirectory(hazelcast);
            this.liveness = new Liveness(directory, GRACE, timers, news -> {
                announced.add(news);
                NODES.forEach(node -> node.hear(news));
            });
            directory.online().forEach(this::hear); // as Presence does when it starts
        }

        /** The relay delivers to each node one announcement at a time, in order. */
        synchronized void hear(PresenceAnnounced news) {
            view.apply(news);
        }

        boolean online(String username) {
            return view.isOnline(username);
        }

        void stop() {
            timers.shutdownNow();
            directory.close();
            hazelcast.getLifecycleService().terminate();
        }
    }

    static Config config(int port) {
        Config config = new Config();
        config.setClusterName(CLUSTER);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none"); // its warnings while a member joins are expected here
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int member : PORTS) join.getTcpIpConfig().addMember("127.0.0.1:" + member);
        return config;
    }

    static Node start(String name, int port) {
        Node node = new Node(name, port);
        NODES.add(node);
        return node;
    }

    @BeforeAll
    static void cluster() {
        a = start("A", PORTS[0]);
        b = start("B", PORTS[1]);
        await().atMost(Duration.ofSeconds(30)).until(() -> a.hazelcast.getCluster().getMembers().size() == 2);
    }

    @AfterAll
    static void stopAll() {
        NODES.forEach(Node::stop);
        NODES.clear();
    }

    private static long user() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private static long count(Node node, long userId, boolean online) {
        return node.announced.stream().filter(n -> n.userId() == userId && n.online() == online).count();
    }

    @Test
    void aUserOnlineOnBIsSeenOnlineOnA() {
        long bob = user();
        b.liveness.connected(bob, "bob" + bob, "Bob", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.online("bob" + bob) && b.online("bob" + bob));
        assertEquals(1, count(b, bob, true), "announced once, by the node that saw them come");
        assertEquals(0, count(a, bob, true));
        assertTrue(a.view.page(null, 500).users().stream().anyMatch(u -> u.username().equals("bob" + bob)));
        b.liveness.disconnected(bob);
    }

    @Test
    void offlineOnlyWhenTheLastSocketAnywhereIsGoneAfterTheGracePeriod() {
        long carol = user();
        String name = "carol" + carol;
        a.liveness.connected(carol, name, "Carol", false);
        b.liveness.connected(carol, name, "Carol", false); // her second socket, on the other node
        a.liveness.disconnected(carol);
        await().during(GRACE.plusMillis(500)).atMost(GRACE.plusSeconds(5))
                .until(() -> a.online(name) && b.online(name));

        long lastGone = System.nanoTime();
        b.liveness.disconnected(carol);
        await().atMost(GRACE.plusSeconds(5)).until(() -> !a.online(name) && !b.online(name));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastGone);
        assertTrue(tookMillis >= GRACE.toMillis(), "offline after the grace period, not before: " + tookMillis + " ms");
        assertEquals(1, count(a, carol, true) + count(b, carol, true), "online announced once");
        assertEquals(1, count(a, carol, false) + count(b, carol, false), "offline announced once");
        assertEquals(1, count(b, carol, false), "by the node whose socket was the last");
    }

    @Test
    void aReconnectOnAnotherNodeWithinTheGracePeriodDoesNotFlicker() {
        long dave = user();
        String name = "dave" + dave;
        a.liveness.connected(dave, name, "Dave", false);
        a.liveness.disconnected(dave);
        b.liveness.connected(dave, name, "Dave", false); // the load balancer sent the reload elsewhere
        await().during(GRACE.plusMillis(500)).atMost(GRACE.plusSeconds(5)).until(() -> a.online(name) && b.online(name));
        assertEquals(0, count(a, dave, false) + count(b, dave, false), "never announced offline");
        b.liveness.disconnected(dave);
        await().atMost(GRACE.plusSeconds(5)).until(() -> !a.online(name) && !b.online(name));
    }

    @Test
    void thePerUserSocketCapCountsAcrossMembers() {
        long erin = user();
        for (int i = 0; i < 12; i++) assertTrue(a.directory.admit(erin, 20));
        for (int i = 0; i < 8; i++) assertTrue(b.directory.admit(erin, 20));
        assertFalse(a.directory.admit(erin, 20), "the 21st socket, on A");
        assertFalse(b.directory.admit(erin, 20), "the 21st socket, on B");
        a.directory.release(erin);
        assertTrue(b.directory.admit(erin, 20), "one given back on A frees a place on B");
        assertFalse(a.directory.admit(erin, 20));
        for (int i = 0; i < 11; i++) a.directory.release(erin);
        for (int i = 0; i < 9; i++) b.directory.release(erin);
        await().atMost(Duration.ofSeconds(5)).until(() -> !a.hazelcast.getMap(GridDirectory.MAP).containsKey(erin));
    }

    @Test
    void concurrentConnectsAndDisconnectsOnTwoMembersAgree() throws Exception {
        long frank = user();
        String name = "frank" + frank;
        int rounds = 200;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (Node node : List.of(a, b, a, b)) {
            work.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    node.liveness.connected(frank, name, "Frank", false);
                    node.liveness.disconnected(frank);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> done : work) done.get(2, TimeUnit.MINUTES);
        threads.shutdown();

        await().atMost(GRACE.plusSeconds(10)).until(() -> !a.online(name) && !b.online(name));
        long online = count(a, frank, true) + count(b, frank, true);
        long offline = count(a, frank, false) + count(b, frank, false);
        assertTrue(online >= 1);
        assertEquals(online, offline, "each time online announced once, and offline once after it");
        await().during(GRACE.plusMillis(500)).atMost(GRACE.plusSeconds(5)).until(() -> !a.online(name) && !b.online(name));
        assertFalse(a.hazelcast.getMap(GridDirectory.MAP).containsKey(frank), "no entry left behind");

        // And once more with one socket left connected: online everywhere, and stays so.
        a.liveness.connected(frank, name, "Frank", false);
        await().during(GRACE.plusMillis(500)).atMost(GRACE.plusSeconds(5)).until(() -> a.online(name) && b.online(name));
        a.liveness.disconnected(frank);
    }

    @Test
    void theUsersOfAMemberThatDiesGoOfflineWithinGracePlusFailureDetection() {
        long gina = user();
        long hank = user();
        a.liveness.connected(hank, "hank" + hank, "Hank", false);
        Node c = start("C", PORTS[2]);
        await().atMost(Duration.ofSeconds(30)).until(() -> a.hazelcast.getCluster().getMembers().size() == 3);
        assertTrue(c.online("hank" + hank), "a node that starts lists who was online already");
        c.liveness.connected(gina, "gina" + gina, "Gina", false);
        c.liveness.connected(hank, "hank" + hank, "Hank", false); // also on A: stays online
        c.liveness.disconnected(hank);
        c.liveness.connected(hank, "hank" + hank, "Hank", false);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.online("gina" + gina) && b.online("gina" + gina));

        long killed = System.nanoTime();
        NODES.remove(c);
        c.stop(); // terminate(): no goodbye to the others
        await().atMost(GRACE.plusSeconds(MAX_NO_HEARTBEAT_SECONDS + 10)).until(() -> !a.online("gina" + gina) && !b.online("gina" + gina));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        System.out.printf("presence: a member terminated, its users offline on the others after %d ms (grace %d ms)%n",
                tookMillis, GRACE.toMillis());
        assertTrue(tookMillis >= GRACE.toMillis(), "the grace period still applies: " + tookMillis + " ms");
        assertTrue(a.online("hank" + hank) && b.online("hank" + hank), "a user with a socket on a survivor stays online");
        assertEquals(1, count(a, gina, false) + count(b, gina, false), "offline announced once, by one survivor");
        a.liveness.disconnected(hank);
    }
}
