package dev.parley.messages;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import dev.parley.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages past their retention are deleted for good while people keep posting: gone from history,
 * search, {@code sync} and the conversation list, their reactions and mentions with them, replies to
 * them left answering nothing, unread counts following; a room's own retention overrides the
 * server's, shorter or longer. On a server of its own with {@code PARLEY_RETENTION=P30D}, a sweep
 * every second and batches of 20. Messages are posted through the API (so they are real, searchable,
 * with reactions and mentions), seen, then made old in the server's database.
 */
class RetentionIT {
    private static final int BATCH = 20;

    @RegisterExtension
    static final OwnServer server = OwnServer.named("msg_retention", 2)
            .with("parley.retention", "P30D")
            .with("parley.retention-sweep", "PT1S")
            .with("parley.retention-batch", String.valueOf(BATCH))
            .with("parley.read.rate.burst", "100000").with("parley.read.rate.per-second", "100000")
            .with("parley.rest.rate.burst", "100000").with("parley.rest.rate.per-second", "100000")
            .with("parley.socket.rate.burst", "100000").with("parley.socket.rate.per-second", "100000");
    private static final Api api = server.api();

    @Test
    void oldMessagesGoForGoodWhilePostsGoOnAndARoomsOwnRetentionWins() throws Exception {
        Login alice = api.registerAndLogin("ret_alice");
        Login bob = api.registerAndLogin("ret_bob");
        Login carol = api.registerAndLogin("ret_carol");
        String plain = api.roomOf(alice, bob, carol); // the server's P30D
        String brief = api.roomOf(alice, bob); // its own PT1H
        String lasting = api.roomOf(alice, bob); // its own P1Y
        String word = "ancient" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");

        // What will be old: in the plain room (with reactions, a mention and a reply), in both rooms of
        // their own, and direct: some of bob's to alice, and all of alice's to carol.
        List<Long> oldPlain = new ArrayList<>();
        for (int i = 0; i < 2 * BATCH + 5; i++) oldPlain.add(api.postMessage(bob, plain, word + " plain " + i));
        long mentioning = api.postMessage(bob, plain, word + " @" + alice.username() + " see this");
        oldPlain.add(mentioning);
        assertEquals(204, api.put("/api/messages/" + oldPlain.get(0) + "/reactions/" + enc("👍"), alice.token()).status());
        assertEquals(204, api.put("/api/messages/" + oldPlain.get(0) + "/reactions/" + enc("🎉"), carol.token()).status());
        long reply = Api.messageId(api.post("/api/rooms/" + plain + "/messages", alice.token(),
                Json.createObjectBuilder().add("text", "answering an old one").add("replyTo", oldPlain.get(1)).build().toString()));
        long recentPlain = api.postMessage(bob, plain, "recent in plain");

        List<Long> oldBrief = api.postMany(bob, brief, word + " brief ", 3); // 2 hours old: past PT1H
        long recentBrief = api.postMessage(bob, brief, "recent in brief");
        long keptLasting = api.postMessage(bob, lasting, word + " 40 days old, kept a year"); // past P30D, within P1Y
        long oldLasting = api.postMessage(bob, lasting, word + " 400 days old");

        List<Long> oldToAlice = List.of(api.postDirect(bob, alice.username(), word + " dm 1"), api.postDirect(bob, alice.username(), word + " dm 2"));
        long recentToAlice = api.postDirect(bob, alice.username(), "recent dm");
        long oldToCarol = api.postDirect(alice, carol.username(), word + " only old");

        List<Long> gone = new ArrayList<>(oldPlain);
        gone.addAll(oldBrief);
        gone.add(oldLasting);
        gone.addAll(oldToAlice);
        gone.add(oldToCarol);
        assertTrue(searchIds(alice, word).containsAll(List.of(oldPlain.get(0), oldToAlice.get(0), oldToCarol)), "searchable before");
        double deletedBefore = api.metric("parley_retention_deleted_messages_total");

        Poster poster = new Poster(carol, plain);
        poster.start();
        try {
            poster.awaitSome();
            try (Connection db = TestDatabase.connect(server.databaseUrl())) {
                db.setAutoCommit(false); // one commit: a sweep sees all of it or none
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("UPDATE rooms SET retention = 'PT1H' WHERE name = '" + brief + "'");
                    s.executeUpdate("UPDATE rooms SET retention = 'P1Y' WHERE name = '" + lasting + "'");
                    age(s, oldPlain, "40 days");
                    age(s, oldBrief, "2 hours");
                    age(s, List.of(keptLasting), "40 days");
                    age(s, List.of(oldLasting), "400 days");
                    age(s, oldToAlice, "40 days");
                    age(s, List.of(oldToCarol), "40 days");
                }
                db.commit();
            }

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> stored(gone).isEmpty());
            poster.awaitSome(); // posts go on after the sweep too
        } finally {
            poster.finish();
        }

        // History
        Set<Long> plainNow = roomIds(alice, plain);
        assertTrue(plainNow.containsAll(List.of(reply, recentPlain)), "recent ones stay");
        assertTrue(disjoint(plainNow, oldPlain), "old ones gone from history");
        assertEquals(Set.of(recentBrief), roomIds(alice, brief), "a room's shorter retention wins");
        assertEquals(Set.of(keptLasting), roomIds(alice, lasting), "a room's longer retention keeps what the server's would not");
        assertEquals(List.of(recentToAlice), Api.ids(api.get("/api/conversations/" + bob.username() + "/messages", alice.token())
                .json().getJsonArray("messages")));

        // Search
        assertEquals(List.of(keptLasting), searchIds(alice, word));

        // sync, from the start of everything
        try (Sock socket = api.connect(alice)) {
            JSONObject synced = Sock.ok(socket.ack("sync", new JSONObject()
                    .put("rooms", new JSONObject().put(plain, 0).put(brief, 0).put(lasting, 0))
                    .put("conversations", new JSONObject().put(bob.username(), 0).put(carol.username(), 0))));
            List<Long> syncedIds = Sock.ids(synced.getJSONArray("messages"));
            assertTrue(disjoint(syncedIds, gone), "old ones gone from sync: " + syncedIds);
            assertTrue(syncedIds.containsAll(List.of(reply, recentPlain, recentBrief, keptLasting, recentToAlice)), syncedIds.toString());
        }

        // The reply stays, answering nothing; what pointed at the old ones is gone with them.
        JsonObject replied = message(alice, plain, reply);
        assertEquals(JsonValue.NULL, replied.get("replyTo"), replied.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM reactions WHERE message_id = " + oldPlain.get(0)));
        assertEquals(0, count("SELECT COUNT(*) FROM mentions WHERE message_id = " + mentioning));

        // Conversations and unread counts
        JsonObject withBob = api.conversation(alice, bob.username());
        assertEquals(recentToAlice, withBob.getJsonObject("lastMessage").getJsonNumber("id").longValue());
        assertEquals(1, withBob.getInt("unread"));
        assertEquals(JsonValue.NULL, api.conversation(alice, carol.username()).get("lastMessage"), "nothing left to show");
        assertEquals(1, api.roomUnread(alice, brief));
        assertEquals(0, api.room(alice, plain).getInt("mentions"), "the mention went with its message");

        // Acting on a message that is gone: it does not exist.
        assertEquals(404, api.put("/api/messages/" + oldPlain.get(2) + "/reactions/" + enc("👍"), alice.token()).status());

        // Nothing posted meanwhile was lost, and every post was acked.
        assertEquals(List.of(), poster.failures, "every post acked ok");
        assertTrue(poster.acked.size() >= 2, "posted throughout: " + poster.acked.size());
        Set<Long> missing = new HashSet<>(poster.acked);
        missing.removeAll(roomIds(alice, plain));
        assertEquals(Set.of(), missing, "every acked post is in the history");

        double deleted = api.metric("parley_retention_deleted_messages_total") - deletedBefore;
        assertEquals(gone.size(), deleted, 0.0, "the metric counts what the sweeps deleted");
        assertTrue(api.metric("parley_retention_last_sweep_seconds") >= 0);
    }

    @Test
    void aBadRetentionStopsTheServerSayingWhy() throws Exception {
        // The embedded default (no database to make) on a port of its own; it stops before it would serve.
        OwnServer bad = OwnServer.named("bad_retention", 3).embedded().with("parley.retention", "a month");
        Files.deleteIfExists(bad.log());
        int status = bad.spawn().awaitExitWithin(Duration.ofMinutes(3));
        assertEquals(1, status, "the process stops; see " + bad.log());
        assertTrue(Files.readString(bad.log()).contains("PARLEY_RETENTION (parley.retention) is \"a month\", not a positive ISO-8601 duration"),
                "the log says why: " + bad.log());
    }

    @Test
    void onTheEmbeddedDefaultMessagesPastTheRetentionGoToo() {
        // Parley's default database, H2 in its data folder, with a 3-second retention: whatever is posted goes soon after.
        try (OwnServer h2 = OwnServer.named("retention_h2", 3).embedded()
                .with("parley.retention", "PT3S").with("parley.retention-sweep", "PT0.5S").start()) {
            Api local = h2.api();
            Login dana = local.registerAndLogin("ret_dana");
            Login eve = local.registerAndLogin("ret_eve");
            String room = local.roomOf(dana, eve);
            long first = local.postMessage(eve, room, "soon gone @" + dana.username());
            assertEquals(204, local.put("/api/messages/" + first + "/reactions/" + enc("👍"), dana.token()).status());
            Api.messageId(local.post("/api/rooms/" + room + "/messages", dana.token(),
                    Json.createObjectBuilder().add("text", "soon gone too").add("replyTo", first).build().toString()));
            local.postDirect(eve, dana.username(), "and this");

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    local.get("/api/rooms/" + room + "/messages", dana.token()).json().getJsonArray("messages").isEmpty()
                            && local.get("/api/conversations/" + eve.username() + "/messages", dana.token()).json().getJsonArray("messages").isEmpty());
            assertEquals(JsonValue.NULL, local.conversation(dana, eve.username()).get("lastMessage"));
            assertEquals(0, local.room(dana, room).getInt("mentions"));
            assertEquals(3, local.metric("parley_retention_deleted_messages_total"), 0.0, "a fresh server: the three, no more");
        }
    }

    /** Posts to a room through a socket, one message after another's ack, until stopped; collects the acks. */
    private static final class Poster extends Thread {
        final List<Long> acked = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final Login who;
        private final String room;
        private final AtomicBoolean running = new AtomicBoolean(true);

        Poster(Login who, String room) {
            super("retention-poster");
            this.who = who;
            this.room = room;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Sock socket = api.connect(who)) {
                for (int i = 0; running.get(); i++) {
                    JSONObject ack = socket.ack("message", Sock.say(room, "live " + i).put("clientMsgId", "live-" + i));
                    if (ack.optBoolean("ok")) acked.add(ack.getJSONObject("message").getLong("id"));
                    else failures.add(ack.toString());
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
            }
        }

        /** Waits until a few more posts are acked than now. */
        void awaitSome() {
            int now = acked.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> acked.size() >= now + 3 || !failures.isEmpty());
        }

        void finish() throws InterruptedException {
            running.set(false);
            join(Duration.ofSeconds(30).toMillis());
            assertFalse(isAlive(), "the poster stopped");
        }
    }

    private static void age(Statement s, Collection<Long> ids, String by) throws SQLException {
        s.executeUpdate("UPDATE messages SET created_at = created_at - INTERVAL '" + by + "' WHERE id IN ("
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
    }

    /** Which of {@code ids} are still stored. */
    private static Set<Long> stored(Collection<Long> ids) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (Connection db = TestDatabase.connect(server.databaseUrl()); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM messages WHERE id IN ("
                     + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")) {
            while (r.next()) found.add(r.getLong(1));
        }
        return found;
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.connect(server.databaseUrl()); Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every id of the room's history, paged oldest first. */
    private static Set<Long> roomIds(Login who, String room) {
        Set<Long> ids = new HashSet<>();
        long after = 0;
        while (true) {
            Reply page = api.get("/api/rooms/" + room + "/messages?after=" + after + "&limit=200", who.token());
            assertEquals(200, page.status(), page.body());
            List<Long> got = Api.ids(page.json().getJsonArray("messages"));
            ids.addAll(got);
            if (!page.json().getBoolean("hasMore") || got.isEmpty()) return ids;
            after = got.get(got.size() - 1);
        }
    }

    private static JsonObject message(Login who, String room, long id) {
        Reply page = api.get("/api/rooms/" + room + "/messages?after=" + (id - 1) + "&limit=1", who.token());
        JsonObject m = page.json().getJsonArray("messages").getJsonObject(0);
        assertEquals(id, m.getJsonNumber("id").longValue());
        return m;
    }

    private static List<Long> searchIds(Login who, String q) {
        Reply found = api.get("/api/search?q=" + enc(q) + "&limit=100", who.token());
        assertEquals(200, found.status(), found.body());
        return Api.ids(found.json().getJsonArray("messages"));
    }

    private static boolean disjoint(Collection<Long> a, Collection<Long> b) {
        return a.stream().noneMatch(b::contains);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
