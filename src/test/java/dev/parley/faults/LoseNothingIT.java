package dev.parley.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.DbProxy;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import dev.parley.support.TestDatabase;
import io.socket.client.Ack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults that must lose nothing, on a server of the test's own whose database connections pass
 * through a proxy the test can cut: the server killed with SIGKILL while sockets send, and the
 * database going away and coming back while clients send. One server serves both (each start
 * costs ~20 s of CI time); each test leaves it running.
 */
class LoseNothingIT {
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    /** How long the database stays cut off once the server has noticed. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static DbProxy proxy;
    private static OwnServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        proxy = DbProxy.start();
        server = OwnServer.named("faults", 3);
        server.with("parley.db.url", proxy.url(server.databaseName()))
                // the test sends thousands of events per socket: the budget would refuse them
                .with("parley.socket.rate.burst", "1000000")
                .with("parley.socket.rate.per-second", "1000000")
                .start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (proxy != null) proxy.close();
    }

    // ---------------------------------------------------------------- kill -9

    private static final int SENDERS = 4;
    private static final int PER_SENDER = 400;
    private static final int WINDOW = 16;
    private static final int KILL_AFTER_ACKS = 600;

    /** One sending socket's record: what it emitted and which of those were acked, with the id. */
    private static final class Sender {
        final int index;
        final Login login;
        final Map<String, Long> acked = new ConcurrentHashMap<>();
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        volatile Sock sock;

        Sender(int index, Login login) {
            this.index = index;
            this.login = login;
        }

        String clientMsgId(int n) {
            return "s" + index + "-" + n;
        }
    }

    @Test
    void killedWithSigkillMidStreamEveryAckedMessageIsStoredOnceAndSyncShowsNoGapAndNoDuplicate() throws Exception {
        Login owner = api.guest("kl_owner");
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) senders.add(new Sender(i, api.guest("kl_s" + i)));
        Login reader = api.guest("kl_reader");
        List<Login> members = new ArrayList<>(senders.stream().map(s -> s.login).toList());
        members.add(reader);
        String room = api.roomOf(owner, members.toArray(Login[]::new));

        // Readers on both transports record every message of the room as it arrives.
        String[][] readerTransports = {{"websocket"}, {"polling"}};
        List<List<Long>> live = new ArrayList<>();
        List<Sock> readers = new ArrayList<>();
        for (String[] transports : readerTransports) {
            Sock sock = Sock.connectTo(server.url(), reader.token(), transports);
            List<Long> seen = new CopyOnWriteArrayList<>();
            sock.socket().on("message", args -> {
                JSONObject m = (JSONObject) args[0];
                if (room.equals(m.optString("room"))) seen.add(m.getLong("id"));
            });
            readers.add(sock);
            live.add(seen);
        }
        for (Sender s : senders) s.sock = Sock.connectTo(server.url(), s.login.token(), s.index == 0 ? "polling" : "websocket");

        // Send until killed.
        AtomicInteger acks = new AtomicInteger();
        List<Thread> sending = new ArrayList<>();
        for (Sender s : senders) sending.add(started(() -> sendAll(s, room, acks)));
        Awaitility.await("acks before the kill").atMost(Duration.ofSeconds(60)).until(() -> acks.get() >= KILL_AFTER_ACKS);
        server.kill();
        long killedAt = System.nanoTime();
        for (Thread t : sending) t.join(TimeUnit.SECONDS.toMillis(20));
        readers.forEach(Sock::close);
        senders.forEach(s -> s.sock.close());
        int ackedBeforeKill = senders.stream().mapToInt(s -> s.acked.size()).sum();
        int sentBeforeKill = senders.stream().mapToInt(s -> s.sent.size()).sum();

        server.restart();
        double restartSeconds = (System.nanoTime() - killedAt) / 1e9;

        // Every acked message is stored exactly once, with the id its ack gave.
        Map<String, List<Long>> stored = storedByClientMsgId(room);
        for (Sender s : senders) {
            s.acked.forEach((clientMsgId, id) -> assertEquals(List.of(id), stored.get(s.login.username() + "/" + clientMsgId),
                    () -> "acked " + clientMsgId + " (id " + id + ") stored as " + stored.get(s.login.username() + "/" + clientMsgId)));
        }
        stored.forEach((key, ids) -> assertEquals(1, ids.size(), () -> key + " stored " + ids.size() + " times: " + ids));
        int unackedButStored = stored.size() - ackedBeforeKill;

        // Readers resuming with sync see every stored message once: what they saw live, then the rest.
        List<Long> history = roomIds(room);
        for (int r = 0; r < readerTransports.length; r++) {
            List<Long> seen = new ArrayList<>(live.get(r));
            try (Sock again = Sock.connectTo(server.url(), reader.token(), readerTransports[r])) {
                long lastSeen = seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
                List<Long> caughtUp = Sock.ids(Sock.ok(again.ack("sync",
                        new JSONObject().put("rooms", new JSONObject().put(room, lastSeen)))).getJSONArray("messages"));
                List<Long> resumed = new ArrayList<>(seen);
                resumed.addAll(caughtUp);
                while (caughtUp.size() >= 500) { // sync's cap per room: page on with history
                    caughtUp = Sock.ids(Sock.ok(again.ack("history", new JSONObject().put("room", room)
                            .put("after", resumed.get(resumed.size() - 1)).put("limit", 200))).getJSONArray("messages"));
                    resumed.addAll(caughtUp);
                    if (caughtUp.size() < 200) break;
                }
                String transport = String.join("+", readerTransports[r]);
                assertEquals(history, resumed, () -> transport + " reader: live " + seen.size()
                        + " then sync; history has " + history.size() + " (a gap or a duplicate)");
            }
        }

        // Senders resend what was not acked (same clientMsgId: nothing doubles) and send the rest.
        for (Sender s : senders) s.sock = Sock.connectTo(server.url(), s.login.token(), "websocket");
        for (Sender s : senders) {
            for (String clientMsgId : s.sent) {
                if (s.acked.containsKey(clientMsgId)) continue;
                JSONObject ack = Sock.ok(s.sock.ack("message", message(room, clientMsgId)));
                s.acked.put(clientMsgId, ack.getJSONObject("message").getLong("id"));
            }
        }
        sending.clear();
        for (Sender s : senders) sending.add(started(() -> sendAll(s, room, acks)));
        for (Thread t : sending) t.join(TimeUnit.SECONDS.toMillis(120));
        senders.forEach(s -> s.sock.close());

        Map<String, List<Long>> after = storedByClientMsgId(room);
        assertEquals(SENDERS * PER_SENDER, after.size(), "every message stored");
        for (Sender s : senders) {
            assertEquals(PER_SENDER, s.acked.size(), "sender " + s.index + " acked");
            s.acked.forEach((clientMsgId, id) -> assertEquals(List.of(id), after.get(s.login.username() + "/" + clientMsgId), clientMsgId));
        }
        System.out.printf("kill -9: %d sent and %d acked before SIGKILL (%d more stored unacked); down and ready again in %.1f s; "
                        + "%d messages in all, each once%n",
                sentBeforeKill, ackedBeforeKill, unackedButStored, restartSeconds, after.size());
    }

    /** Sends the sender's messages not yet sent, {@link #WINDOW} at a time, until done or its socket is gone. */
    private static void sendAll(Sender s, String room, AtomicInteger acks) {
        Semaphore window = new Semaphore(WINDOW);
        try {
            for (int n = 0; n < PER_SENDER; n++) {
                String clientMsgId = s.clientMsgId(n);
                if (s.sent.contains(clientMsgId)) continue;
                while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (!s.sock.connected()) return;
                }
                if (!s.sock.connected()) return;
                s.sent.add(clientMsgId);
                s.sock.socket().emit("message", new Object[] {message(room, clientMsgId)}, (Ack) args -> {
                    JSONObject ack = (JSONObject) args[0];
                    if (ack.optBoolean("ok")) {
                        s.acked.put(clientMsgId, ack.getJSONObject("message").getLong("id"));
                        acks.incrementAndGet();
                    }
                    window.release();
                });
            }
            window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS); // the last acks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r, "sender");
        t.start();
        return t;
    }

    private static JSONObject message(String room, String clientMsgId) {
        return new JSONObject().put("room", room).put("text", "m " + clientMsgId).put("clientMsgId", clientMsgId);
    }

    /** The room's messages in the database, by sender's username and clientMsgId. */
    private static Map<String, List<Long>> storedByClientMsgId(String room) throws Exception {
        Map<String, List<Long>> stored = new HashMap<>();
        try (Connection c = TestDatabase.connect(server.databaseUrl());
             PreparedStatement s = c.prepareStatement("SELECT m.id, u.username, m.client_msg_id FROM messages m "
                     + "JOIN users u ON u.id = m.sender_id JOIN rooms r ON r.id = m.room_id WHERE r.name = ? ORDER BY m.id")) {
            s.setString(1, room);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) stored.computeIfAbsent(r.getString(2) + "/" + r.getString(3), k -> new ArrayList<>()).add(r.getLong(1));
            }
        }
        return stored;
    }

    private static List<Long> roomIds(String room) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = TestDatabase.connect(server.databaseUrl());
             PreparedStatement s = c.prepareStatement(
                     "SELECT m.id FROM messages m JOIN rooms r ON r.id = m.room_id WHERE r.name = ? ORDER BY m.id")) {
            s.setString(1, room);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- database outage

    @Test
    void whileTheDatabaseIsGoneSendsAreUnavailableSocketsStayAndAllWorksAgainWhenItReturns() throws Exception {
        long logFrom = Files.size(server.log());
        Login alice = api.guest("db_alice");
        Login bob = api.guest("db_bob");
        try (Sock a = Sock.connectTo(server.url(), alice.token(), "websocket");
             Sock b = Sock.connectTo(server.url(), bob.token(), "polling")) {
            Sock.ok(a.ack("message", new JSONObject().put("text", "before").put("clientMsgId", "db-before")));
            b.await("message");

            proxy.cut();
            long cutAt = System.nanoTime();
            try {
                long sendStarted = System.nanoTime();
                JSONObject refused = a.ack("message", new JSONObject().put("text", "during").put("clientMsgId", "db-during"));
                double refusedAfter = (System.nanoTime() - sendStarted) / 1e9;
                assertEquals("unavailable", Sock.ackError(refused), refused::toString);
                JSONObject refusedDirect = a.ack("private_message",
                        new JSONObject().put("to", bob.username()).put("text", "during").put("clientMsgId", "db-during-dm"));
                assertEquals("unavailable", Sock.ackError(refusedDirect), refusedDirect::toString);

                Reply rest = api.post("/api/rooms/feed/messages", alice.token(), Api.json("text", "during rest"));
                assertEquals(503, rest.status(), rest::body);
                assertEquals("unavailable", rest.errorCode(), rest::body);
                Reply login = api.post("/api/auth/guest", null, Api.json("username", Api.uniqueName("db_late")));
                assertEquals(503, login.status(), login::body);
                assertEquals("unavailable", login.errorCode(), login::body);

                Awaitility.await("/health/ready 503 while the database is gone").atMost(PROMPTLY)
                        .pollInterval(Duration.ofMillis(200)).until(() -> readyStatus() == 503);
                double notReadyAfter = (System.nanoTime() - cutAt) / 1e9;

                // For the rest of the outage, every send is refused promptly and the sockets stay.
                long[] slowest = new long[1];
                Awaitility.await("sends refused and sockets kept for the whole outage").during(OUTAGE).atMost(OUTAGE.multipliedBy(3))
                        .pollInterval(Duration.ofMillis(250)).until(() -> {
                            long started = System.nanoTime();
                            JSONObject ack = a.ack("message", new JSONObject().put("text", "during").put("clientMsgId", "db-during"));
                            slowest[0] = Math.max(slowest[0], System.nanoTime() - started);
                            return "unavailable".equals(Sock.ackError(ack)) && a.connected() && b.connected()
                                    && readyStatus() == 503;
                        });
                System.out.printf("database outage: first send refused 'unavailable' in %.2f s (slowest refusal %.2f s), "
                                + "/health/ready 503 %.1f s after the cut%n", refusedAfter, slowest[0] / 1e9, notReadyAfter);
            } finally {
                proxy.restore();
            }
            long restoredAt = System.nanoTime();
            double outageSeconds = (restoredAt - cutAt) / 1e9;

            // Within seconds, with no restart: sends are acked and stored, logins work, ready again.
            JSONObject[] ack = new JSONObject[1];
            Awaitility.await("a send acked after the database returned").atMost(PROMPTLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> (ack[0] = a.ack("message", new JSONObject().put("text", "after").put("clientMsgId", "db-after")))
                            .optBoolean("ok"));
            double recoveredAfter = (System.nanoTime() - restoredAt) / 1e9;
            long afterId = ack[0].getJSONObject("message").getLong("id");
            JSONObject delivered;
            do delivered = b.awaitJson("message"); while (delivered.getLong("id") != afterId);
            Awaitility.await("/health/ready 200 again").atMost(PROMPTLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> readyStatus() == 200);
            Sock.ok(a.ack("message", new JSONObject().put("text", "during").put("clientMsgId", "db-during")));
            assertEquals(201, api.post("/api/rooms/feed/messages", alice.token(), Api.json("text", "after rest")).status());
            api.guest("db_after");
            assertTrue(a.connected() && b.connected(), "the same sockets work after the outage");

            // Nothing half-stored: each refused send is stored once (its resend) or not at all.
            assertEquals(Map.of("db-before", 1, "db-during", 1, "db-after", 1), clientMsgIdCounts(alice.username()));
            System.out.printf("database outage: cut for %.1f s; sends acked again %.2f s after it returned%n",
                    outageSeconds, recoveredAfter);
        }
        byte[] bytes = Files.readAllBytes(server.log());
        String log = new String(bytes, (int) logFrom, bytes.length - (int) logFrom, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.lines().noneMatch(l -> l.strip().startsWith("at ")), () -> "no stack trace in the server log:\n" + log);
    }

    private static int readyStatus() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Integer> clientMsgIdCounts(String username) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = TestDatabase.connect(server.databaseUrl());
             PreparedStatement s = c.prepareStatement("SELECT m.client_msg_id, count(*) FROM messages m "
                     + "JOIN users u ON u.id = m.sender_id WHERE u.username = ? AND m.client_msg_id IS NOT NULL GROUP BY m.client_msg_id")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) counts.put(r.getString(1), r.getInt(2));
            }
        }
        return counts;
    }
}
