package dev.parley.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.ClusterNodes;
import dev.parley.support.LoadBalancer;
import dev.parley.support.Sock;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.json.JSONObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two clustered nodes: who is online and the per-user socket cap count every node's sockets, and when
 * one node is killed with SIGKILL while both carry traffic, nothing acked is lost, the other node
 * keeps serving, the dead node's clients come back through the load balancer (HAProxy with the
 * deployment's config, which takes the dead node out) and resume on the survivor with {@code sync} (no
 * gap, no duplicate), and its users go offline within the grace period plus failure detection. The kill is
 * the last test: it ends the pair.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterNodeLossIT {
    static final Duration GRACE_AND_DETECTION = Duration.ofSeconds(30); // the bound; documented: 5 s + 15 s
    /** HAProxy with the deployment's config in front of both nodes: past LoadBalancerIT's five ports. */
    static final int LB_PORT = Integer.getInteger("parley.it.lb-port", 8271) + 6;
    @RegisterExtension
    static final ClusterNodes nodes = ClusterNodes.of(Map.of());
    static final Api a = nodes.a().api();
    static final Api b = nodes.b().api();

    /** Connecting, nothing awaited yet. */
    static Sock opening(Api node, Login who) {
        return Sock.open(node.url(), Sock.options(who.token(), "websocket"));
    }

    /** Whether {@code node}'s online list has the user (paged from just before their name). */
    static boolean online(Api node, Login who, Login asking) {
        String name = who.username();
        Api.Reply page = node.get("/api/users/online?limit=500&after=" + name.substring(0, name.length() - 1), asking.token());
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("users").stream()
                .anyMatch(u -> name.equalsIgnoreCase(((JsonObject) u).getString("username")));
    }

    @Test
    @Order(1)
    void aUserIsOnlineOnEveryNodeUntilTheirLastSocketAnywhereHasGone() {
        Login asking = a.registerAndLogin("cn_ask");
        Login bob = a.registerAndLogin("cn_pres");
        try (Sock onB = b.connect(bob)) {
            await("bob, on B, listed on A").atMost(Duration.ofSeconds(10)).until(() -> online(a, bob, asking));
            try (Sock onA = a.connect(bob)) {
                onB.close();
                // Longer than the grace period (5 s): still online on both, since a socket is left on A.
                await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                        .until(() -> online(a, bob, asking) && online(b, bob, asking));
            }
            await("bob offline on both once his last socket went").atMost(Duration.ofSeconds(15))
                    .until(() -> !online(a, bob, asking) && !online(b, bob, asking));
        }
    }

    @Test
    @Order(2)
    void theSocketCapCountsEveryNodesSockets() {
        Login carol = a.registerAndLogin("cn_cap");
        List<Sock> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) open.add((i % 2 == 0 ? a : b).connect(carol)); // the default cap, 10 on each node: each ready
            for (Api node : List.of(a, b)) {
                try (Sock extra = opening(node, carol)) {
                    assertEquals("rate_limited", extra.awaitConnectError(), "a 21st socket, on " + (node == a ? "A" : "B"));
                }
            }
            open.remove(0).close(); // one on A goes: one more fits, on B
            await("a socket freed on A lets one in on B").atMost(Duration.ofSeconds(10)).until(() -> {
                Sock again = opening(b, carol);
                if ("ready".equals(again.awaitOutcome())) {
                    open.add(again);
                    return true;
                }
                again.close();
                return false;
            });
        } finally {
            open.forEach(Sock::close);
        }
    }

    /** A socket that posts its messages one after another, each with a clientMsgId, and keeps what was acked. */
    static final class Sender {
        final Login login;
        final String room;
        volatile Sock sock;
        final Map<String, Long> acked = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> sent = new CopyOnWriteArrayList<>();

        Sender(Login login, String room) {
            this.login = login;
            this.room = room;
        }

        JSONObject message(String clientMsgId) {
            return new JSONObject().put("room", room).put("text", clientMsgId).put("clientMsgId", clientMsgId);
        }

        /** Posts until {@code until} messages are sent or the socket fails; returns when it does. */
        void post(int until, AtomicInteger acks) {
            try {
                while (sent.size() < until) {
                    String id = login.username() + "-" + sent.size();
                    sent.add(id);
                    JSONObject ack = sock.ack("message", message(id));
                    if (!ack.optBoolean("ok")) return;
                    acked.put(id, ack.getJSONObject("message").getLong("id"));
                    acks.incrementAndGet();
                }
            } catch (AssertionError | RuntimeException gone) {
                // its node died: what it sent and was not acked is resent later with the same clientMsgId
            }
        }
    }

    @Test
    @Order(3)
    void killingANodeMidStreamLosesNoAckedMessageAndItsClientsResumeOnTheOther() throws Exception {
        Login owner = a.registerAndLogin("cn_owner");
        Login readerA = a.registerAndLogin("cn_ra");
        Login readerB = a.registerAndLogin("cn_rb");
        Login eve = a.registerAndLogin("cn_eve"); // only ever on B
        List<Login> posting = IntStream.range(0, 4).mapToObj(i -> a.registerAndLogin("cn_s" + i)).toList();
        List<Login> members = new ArrayList<>(posting);
        members.add(readerA);
        members.add(readerB);
        String room = a.roomOf(owner, members.toArray(Login[]::new));
        LoadBalancer lb = LoadBalancer.start("cluster", LB_PORT, "127.0.0.1:" + nodes.a().port(), "127.0.0.1:" + nodes.b().port());
        try {
            lb.awaitStatus("parley1", "UP", Duration.ofSeconds(60));
            lb.awaitStatus("parley2", "UP", Duration.ofSeconds(60));
            lossMidStream(owner, readerA, readerB, eve, posting, room, lb);
        } finally {
            lb.close();
        }
    }

    private void lossMidStream(Login owner, Login readerA, Login readerB, Login eve, List<Login> posting, String room,
                               LoadBalancer lb) throws Exception {
        List<Long> liveA = new CopyOnWriteArrayList<>();
        List<Long> liveB = new CopyOnWriteArrayList<>();
        Sock onA = a.connect(readerA);
        Sock onB = b.connect(readerB);
        onA.socket().on("message", args -> record(room, args, liveA));
        onB.socket().on("message", args -> record(room, args, liveB));
        Sock eveOnB = b.connect(eve);
        await("eve, on B, listed on A").atMost(Duration.ofSeconds(10)).until(() -> online(a, eve, owner));

        // Two senders on each node; those on B are cut by the kill.
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < posting.size(); i++) {
            Sender s = new Sender(posting.get(i), room);
            s.sock = (i % 2 == 0 ? a : b).connect(posting.get(i));
            senders.add(s);
        }
        AtomicInteger acks = new AtomicInteger();
        int each = 150;
        List<Thread> threads = new ArrayList<>();
        for (Sender s : senders) {
            Thread t = new Thread(() -> s.post(each, acks), "sender " + s.login.username());
            t.start();
            threads.add(t);
        }
        await("acks before the kill").atMost(Duration.ofSeconds(60)).until(() -> acks.get() >= 120);
        nodes.b().kill();
        long killedAt = System.nanoTime();
        int ackedAtKill = acks.get();

        // The survivor keeps serving: its senders go on being acked.
        await("acks on A after the kill").atMost(Duration.ofSeconds(30)).until(() -> acks.get() >= ackedAtKill + 20);
        await("eve offline on A").atMost(GRACE_AND_DETECTION).until(() -> !online(a, eve, owner));
        double offlineAfter = (System.nanoTime() - killedAt) / 1e9;
        for (Thread t : threads) t.join(Duration.ofSeconds(120).toMillis());

        // B's clients come back through the load balancer, which has taken B out: to A. B's reader resumes with sync.
        lb.awaitStatus("parley2", "DOWN", Duration.ofSeconds(15));
        List<Long> history = ids(a, owner, room);
        try (Sock again = Sock.connectTo(lb.url(), readerB.token())) {
            long lastSeen = liveB.isEmpty() ? 0 : liveB.get(liveB.size() - 1);
            List<Long> resumed = new ArrayList<>(liveB);
            resumed.addAll(Sock.ids(Sock.ok(again.ack("sync", new JSONObject().put("rooms", new JSONObject().put(room, lastSeen))))
                    .getJSONArray("messages")));
            assertEquals(history, resumed, "B's reader: live, then sync on A: no gap, no duplicate");
        }
        // B's senders resend what was not acked, with the same clientMsgId: stored once.
        for (Sender s : senders) {
            if (s.acked.size() == s.sent.size()) continue;
            try (Sock again = Sock.connectTo(lb.url(), s.login.token())) {
                for (String clientMsgId : s.sent) {
                    if (s.acked.containsKey(clientMsgId)) continue;
                    s.acked.put(clientMsgId, again.post("message", s.message(clientMsgId)));
                }
            }
        }
        a.fence(owner, onA);
        history = ids(a, owner, room);
        Map<String, Long> stored = new LinkedHashMap<>();
        for (Sender s : senders) {
            s.acked.forEach((clientMsgId, id) -> assertTrue(stored.put(clientMsgId, id) == null));
        }
        assertEquals(stored.size(), senders.stream().mapToInt(s -> s.sent.size()).sum(), "every message sent was acked in the end");
        assertEquals(history.stream().sorted().toList(), stored.values().stream().sorted().toList(),
                "the room holds every acked message, once, with the id its ack gave");
        List<Long> seenOnA = new ArrayList<>(liveA);
        assertEquals(history, seenOnA, "A's reader saw every message live, once, in order, through the kill");
        onA.close();
        eveOnB.close();
        System.out.printf("node loss: %d messages acked when node B was killed, %d in all; eve (only on B) offline on A %.1f s after the kill%n",
                ackedAtKill, history.size(), offlineAfter);
    }

    private static void record(String room, Object[] args, List<Long> into) {
        JSONObject m = (JSONObject) args[0];
        if (room.equals(m.optString("room"))) into.add(m.getLong("id"));
    }

    /** The room's message ids, oldest first, as node {@code node} reads them from the database. */
    static List<Long> ids(Api node, Login who, String room) {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            Api.Reply page = node.get("/api/rooms/" + room + "/messages?after=" + after + "&limit=200", who.token());
            assertEquals(200, page.status(), page.body());
            List<Long> got = page.json().getJsonArray("messages").stream().map(m -> ((JsonObject) m).getJsonNumber("id").longValue()).toList();
            ids.addAll(got);
            if (got.size() < 200) return ids;
            after = got.get(got.size() - 1);
        }
    }
}
