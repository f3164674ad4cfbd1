package dev.parley.cluster;

import static dev.parley.support.Sock.inRoom;
import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.files.AttachedFiles;
import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.ClusterNodes;
import dev.parley.support.Sock;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two clustered nodes (support/ClusterNodes) on one database act as one Parley: what a socket or a
 * REST call does on one node reaches the right sockets on the other, once each and in each room's and
 * conversation's order, and a session ended on one is refused on the other by the time the ending
 * answers. Absences are shown by order: each node relays its events in the order it committed them,
 * so a later event from the same node that must arrive comes after any copy or stray of an earlier one.
 */
class ClusterIT {
    static final int EACH = 25;
    @RegisterExtension
    static final ClusterNodes nodes = ClusterNodes.of(Map.of("parley.admin.username", Api.ADMIN, "parley.admin.password", Api.ADMIN_PASSWORD));
    static final Api a = nodes.a().api();
    static final Api b = nodes.b().api();

    /** Each socket sends {@code EACH} messages ({@code payload(socket index, i)}) at once with the others; the ids each sent, by socket. */
    static List<List<Long>> sendAtOnce(List<Sock> senders, String event, java.util.function.BiFunction<Integer, Integer, JSONObject> payload) {
        ExecutorService threads = Executors.newFixedThreadPool(senders.size()); // truly at once: the common pool may have one thread
        try {
            List<CompletableFuture<List<Long>>> sending = IntStream.range(0, senders.size()).mapToObj(s -> CompletableFuture.supplyAsync(() ->
                    IntStream.range(0, EACH).mapToObj(i -> senders.get(s).post(event, payload.apply(s, i)))
                            .toList(), threads)).toList();
            return sending.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    /** The ids of the next {@code n} {@code event}s this socket gets. */
    static List<Long> received(Sock sock, String event, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(sock.awaitJson(event).getLong("id"));
        return ids;
    }

    static List<Long> sortedExcept(List<List<Long>> sent, List<Long> own) {
        List<Long> all = new ArrayList<>();
        sent.forEach(all::addAll);
        all.removeAll(own);
        Collections.sort(all);
        return all;
    }

    @Test
    void roomMessagesFromSocketsOnBothNodesReachEverySocketOnceInOrder() {
        Login[] users = IntStream.range(0, 4).mapToObj(i -> a.registerAndLogin("cl_room")).toArray(Login[]::new);
        String room = a.roomOf(users[0], users[1], users[2], users[3]);
        try (Sock s0 = a.connect(users[0]); Sock s1 = b.connect(users[1]); Sock s2 = a.connect(users[2]); Sock s3 = b.connect(users[3]);
             Sock watcher = b.connect(users[0])) {
            List<Sock> senders = List.of(s0, s1, s2, s3);
            List<List<Long>> sent = sendAtOnce(senders, "message", (s, i) -> Sock.say(room, "m" + s + "." + i));
            for (int i = 0; i < senders.size(); i++) {
                List<Long> expected = sortedExcept(sent, sent.get(i));
                assertEquals(expected, received(senders.get(i), "message", expected.size()), "socket " + i + ": each once, in id order");
            }
            List<Long> everything = sortedExcept(sent, List.of());
            assertEquals(everything, received(watcher, "message", everything.size()), "the sender's other socket, on the other node");
            long fence = b.postMessage(users[1], room, "fence");
            for (Sock s : List.of(s0, s2, s3, watcher)) assertEquals(fence, s.awaitJson("message").getLong("id"), "no copy after the last");
        }
    }

    @Test
    void feedMessagesCrossNodes() {
        Login alice = a.registerAndLogin("cl_feed");
        Login bob = b.registerAndLogin("cl_feed");
        try (Sock onA = a.connect(alice); Sock onB = b.connect(bob)) {
            long fromA = onA.post("message", new JSONObject().put("text", "from a"));
            onB.awaitMessage(fromA);
            long fromB = onB.post("message", new JSONObject().put("text", "from b"));
            onA.awaitMessage(fromB);
        }
    }

    @Test
    void directMessagesBothWaysReachBothPeoplesSocketsOnBothNodesOnceInOrder() {
        Login alice = a.registerAndLogin("cl_dm");
        Login bob = b.registerAndLogin("cl_dm");
        try (Sock aliceA = a.connect(alice); Sock aliceB = b.connect(alice); Sock bobA = a.connect(bob); Sock bobB = b.connect(bob)) {
            List<List<Long>> sent = sendAtOnce(List.of(aliceA, bobB), "private_message",
                    (s, i) -> Sock.dm(s == 0 ? bob.username() : alice.username(), "d" + s + "." + i));
            List<Long> fromAlice = sent.get(0);
            List<Long> fromBob = sent.get(1);
            assertEquals(sortedExcept(sent, fromAlice), received(aliceA, "private_message", EACH), "alice's sending socket: bob's");
            assertEquals(sortedExcept(sent, fromBob), received(bobB, "private_message", EACH), "bob's sending socket: alice's");
            for (Sock other : List.of(aliceB, bobA)) {
                assertEquals(sortedExcept(sent, List.of()), received(other, "private_message", 2 * EACH), "the other sockets: all, in order");
            }
        }
    }

    @Test
    void roomCreatedTypingAndEditsCrossNodes() {
        Login alice = a.registerAndLogin("cl_misc");
        Login carol = b.registerAndLogin("cl_misc");
        try (Sock aliceA = a.connect(alice); Sock carolB = b.connect(carol)) {
            String room = a.createRoom(alice, "cl");
            carolB.awaitRoomCreated(room);
            b.join(carol, room);
            aliceA.emit("typing", inRoom(room));
            JSONObject typing = carolB.awaitJson("typing");
            assertEquals(alice.username(), typing.getString("from"));
            assertEquals(room, typing.getString("room"));
            long id = a.postMessage(alice, room, "helo");
            carolB.awaitMessage(id);
            Api.Reply edit = a.send("PATCH", "/api/messages/" + id, alice.token(), Api.json("text", "hello"));
            assertEquals(200, edit.status(), edit.body());
            JSONObject updated = carolB.awaitJson("message_updated");
            assertEquals(id, updated.getLong("id"));
            assertEquals("hello", updated.getString("text"));
        }
    }

    @Test
    void aMentionAReactionAndADeletionOnOneNodeReachTheOtherOnceAndOnlyThoseWhoMayKnow() {
        Login alice = a.registerAndLogin("cl_chg");
        Login bob = b.registerAndLogin("cl_chg");
        Login stranger = b.registerAndLogin("cl_chg");
        String room = a.roomOf(alice, bob);
        try (Sock aliceA = a.connect(alice); Sock aliceB = b.connect(alice); Sock bobB = b.connect(bob); Sock strangerB = b.connect(stranger)) {
            long id = aliceA.post("message", Sock.say(room, "@" + bob.username() + " look"));
            bobB.awaitMessage(id);
            JSONObject mention = bobB.awaitJson("notification");
            assertEquals("mention", mention.getString("kind"), mention.toString());
            assertEquals(room, mention.getString("room"));
            assertEquals(alice.username(), mention.getString("from"));
            assertEquals(id, mention.getLong("messageId"));

            ok(aliceA.ack("react", new JSONObject().put("id", id).put("emoji", "👍")));
            ok(aliceA.ack("delete_message", new JSONObject().put("id", id)));
            for (Sock s : List.of(bobB, aliceB)) { // the acting user's other socket is told too
                JSONObject reacted = s.awaitJson("message_updated");
                assertEquals(id, reacted.getLong("id"));
                assertEquals(List.of(alice.username()), reacted.getJSONArray("reactions").getJSONObject(0).getJSONArray("users").toList());
                JSONObject deleted = s.awaitJson("message_deleted");
                assertEquals(id, deleted.getLong("id"));
                assertEquals(room, deleted.getString("room"));
                assertEquals(alice.username(), deleted.getString("from"));
            }
            a.fence(alice, bobB, aliceB, strangerB);
            for (Sock s : List.of(bobB, aliceB)) assertTrue(s.noMore("message_updated") && s.noMore("message_deleted"), "each change once");
            assertTrue(strangerB.noMore("message_updated") && strangerB.noMore("message_deleted"), "a non-member hears nothing of the room");

            // Posted after B notified bob of alice's message: each node's notices of hers, to alice too if wrongly, were sent before.
            long answer = b.postMessage(bob, room, "seen");
            for (Sock s : List.of(aliceA, aliceB)) {
                assertEquals(answer, s.awaitJson("notification").getLong("messageId"), "alice is never notified of her own message");
            }
            long later = a.postMessage(alice, room, "one more");
            JSONObject next = bobB.awaitJson("notification");
            assertEquals(later, next.getLong("messageId"), "the mention was notified once: " + next);
            assertEquals("message", next.getString("kind"));
        }
    }

    @Test
    void anInvitationAKickAndABanOnOneNodeReachTheUsersSocketOnTheOtherOnceAndCutItOffTheRoom() {
        Login owner = a.registerAndLogin("cl_mod");
        Login bob = b.registerAndLogin("cl_mod");
        Login carol = b.registerAndLogin("cl_mod");
        String room = a.createPrivateRoom(owner, "cl_mod");
        String bobsMembership = "/api/rooms/" + room + "/members/" + bob.username();
        try (Sock bobB = b.connect(bob); Sock carolB = b.connect(carol)) {
            a.invite(owner, room, bob);
            JSONObject invited = bobB.awaitJson("room_invited");
            assertEquals(room, invited.getString("name"));
            assertTrue(invited.getBoolean("private"));
            assertFalse(invited.getBoolean("member"));
            b.join(bob, room);
            long welcome = a.postMessage(owner, room, "welcome");
            assertEquals(welcome, bobB.awaitJson("message").getLong("id"), "bob's socket is in the room before the kick");

            assertEquals(204, a.delete(bobsMembership, owner.token()).status());
            JSONObject kicked = bobB.awaitJson("room_removed");
            assertEquals(room, kicked.getString("room"));
            assertEquals("kicked", kicked.getString("reason"));
            a.postMessage(owner, room, "after the kick");

            a.invite(owner, room, bob); // a kick is no ban
            assertEquals(room, bobB.awaitJson("room_invited").getString("name"));
            b.join(bob, room);
            assertEquals(204, a.put("/api/rooms/" + room + "/bans/" + bob.username(), owner.token()).status());
            assertEquals("banned", bobB.awaitJson("room_removed").getString("reason"), "the kick was told once, then the ban");
            a.postMessage(owner, room, "after the ban");

            long fence = a.postMessage(owner, "feed", "fence");
            for (Sock s : List.of(bobB, carolB)) {
                for (JSONObject m = s.awaitJson("message"); m.getLong("id") != fence; m = s.awaitJson("message")) {
                    assertNotEquals(room, m.optString("room"), "after a removal, or never a member: " + m);
                }
            }
            assertTrue(bobB.noMore("room_invited") && bobB.noMore("room_removed"), "each invitation and removal once");
            assertTrue(carolB.noMore("room_invited"), "a private room is announced to its invitee alone");
        }
    }

    @Test
    void aTopicARoleAndADisplayNameChangedOnOneNodeReachTheSocketsOnTheOther() {
        Login owner = a.registerAndLogin("cl_news");
        Login bob = b.registerAndLogin("cl_news");
        String room = a.roomOf(owner, bob);
        try (Sock bobB = b.connect(bob); Sock ownerB = b.connect(owner)) {
            Api.Reply changed = a.send("PATCH", "/api/rooms/" + room, owner.token(), Api.json("topic", "Across nodes"));
            assertEquals(200, changed.status(), changed.body());
            JSONObject seen = bobB.awaitJson("room_updated");
            assertEquals(room, seen.getString("name"));
            assertEquals("Across nodes", seen.getString("topic"));
            assertEquals("member", seen.getString("role"), "as bob sees it");
            assertEquals("owner", ownerB.awaitJson("room_updated").getString("role"), "as the owner sees it, on the other node");

            assertEquals(204, a.put("/api/rooms/" + room + "/moderators/" + bob.username(), owner.token()).status());
            assertEquals("moderator", bobB.awaitJson("room_updated").getString("role"));

            Api.Reply renamed = a.send("PATCH", "/api/users/me", owner.token(), Api.json("displayName", "Owner Renamed"));
            assertEquals(200, renamed.status(), renamed.body());
            for (Sock s : List.of(bobB, ownerB)) {
                JSONObject news = s.awaitJson("user_updated");
                assertEquals(owner.username(), news.getString("username"));
                assertEquals("Owner Renamed", news.getString("displayName"));
            }
            assertTrue(ownerB.noMore("room_updated"), "the owner's role did not change: nothing more for them");
        }
    }

    @Test
    void aSessionEndedOnOneNodeIsRefusedOnTheOtherAtOnceAndItsSocketThereCut() {
        Login doomed = a.registerAndLogin("cl_sess");
        Login survivor = a.login(doomed.username());
        assertEquals(200, b.get("/api/users/me", doomed.token()).status(), "the other node knows the session live (cached)");
        AtomicLong terminatedAt = new AtomicLong();
        try (Sock onB = b.connect(doomed)) {
            onB.socket().on("session_terminated", args -> terminatedAt.compareAndSet(0, System.nanoTime()));
            Api.Reply ended = a.delete("/api/sessions/" + doomed.sessionId(), survivor.token());
            long answered = System.nanoTime();
            assertEquals(204, ended.status(), ended.body());
            int refused = b.get("/api/users/me", doomed.token()).status();
            long refusedAfter = System.nanoTime() - answered;
            assertEquals(401, refused, "the other node refuses the token right after the end's answer");
            onB.awaitTerminated("revoked");
            long cutAfter = terminatedAt.get() - answered;
            System.out.printf("cluster session end: the other node's first answer after the end's was 401 (that request took %.1f ms);"
                    + " its socket there was told %.1f ms after the end's answer (negative: before)%n", refusedAfter / 1e6, cutAfter / 1e6);
            assertTrue(cutAfter < 1_000_000_000L, "socket on the other node cut within 1 s: " + cutAfter / 1e6 + " ms");
        }
        assertEquals(200, b.get("/api/users/me", survivor.token()).status());
    }

    @Test
    void anAdminOnOneNodeDisablesAUserConnectedToTheOtherAndTheStatsCountBothNodes() {
        Login admin = a.admin();
        Login user = a.registerAndLogin("cl_adm");
        try (Sock onB = b.connect(user)) {
            JsonObject stats = a.get("/api/admin/stats", admin.token()).json();
            assertEquals(2, stats.getInt("nodes"), stats.toString());
            assertTrue(stats.getInt("sockets") >= 1 && stats.getInt("online") >= 1, "node A counts the socket on node B: " + stats);
            assertEquals(2, b.get("/api/admin/stats", b.admin().token()).json().getInt("nodes"));

            assertEquals(204, a.post("/api/admin/users/" + user.username() + "/disable", admin.token(), null).status());
            onB.awaitTerminated("revoked");
        }
        assertEquals(401, a.get("/api/users/me", user.token()).status());
        assertEquals(401, b.get("/api/users/me", user.token()).status());
        assertEquals(403, b.post("/api/auth/login", null, Api.credentials(user.username(), Api.PASSWORD)).status(), "disabled on both");
    }

    @Test
    void aFilePostedOnOneNodeArrivesOnTheOtherWithALinkThatNodeServes() {
        Login alice = a.registerAndLogin("cl_file");
        Login bob = a.registerAndLogin("cl_file");
        String room = a.roomOf(alice, bob);
        byte[] bytes = "bytes posted on node A".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long file = AttachedFiles.upload(a, alice, "from-a.txt", bytes).getJsonNumber("id").longValue();
        try (Sock onB = b.connect(bob)) {
            onB.awaitReady();
            long id = Api.messageId(a.post("/api/rooms/" + room + "/messages", alice.token(),
                    "{\"text\": \"see file\", \"files\": [" + file + "]}"));
            JSONObject heard = onB.awaitMessage(id);
            assertEquals(List.of(file), AttachedFiles.fileIds(heard));
            var served = AttachedFiles.fetchLink(b, heard.getJSONArray("files").getJSONObject(0).getString("url"));
            assertEquals(200, served.status(), "node B serves the link node A signed");
            assertArrayEquals(bytes, served.body());
            assertEquals(200, AttachedFiles.fetchAs(b, bob, file));
        }
    }
}
