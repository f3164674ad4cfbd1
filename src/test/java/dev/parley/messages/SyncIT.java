package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** After a reconnect, {@code sync} gives exactly what the client missed in each room and conversation. */
class SyncIT {
    private static final int SYNC_LIMIT = 500;
    private final Api api = Api.server();

    @Test
    void syncReturnsExactlyTheMessagesMissedInEachRoomAndConversation(@Registered("s_me") Login me, @Registered("s_bob") Login bob,
            @Registered("s_carol") Login carol) {
        String room = api.roomOf(bob, me);
        long seenFeed, seenRoom, seenDirect;
        try (Sock before = Sock.connect(me.token())) {
            seenFeed = post(bob, "/api/rooms/feed/messages", "seen in the feed");
            seenRoom = post(bob, "/api/rooms/" + room + "/messages", "seen in the room");
            seenDirect = post(bob, "/api/conversations/" + me.username() + "/messages", "seen directly");
            assertEquals(Set.of(seenFeed, seenRoom), new HashSet<>(List.of(before.awaitJson("message").getLong("id"),
                    before.awaitJson("message").getLong("id"))));
            before.awaitPrivateMessage(seenDirect);
        }

        // While the client is away (the feed has Carol's two, and whatever else was posted there meanwhile):
        long room1 = post(bob, "/api/rooms/" + room + "/messages", "room 1");
        long feed1 = post(carol, "/api/rooms/feed/messages", "feed 1");
        long room2 = post(bob, "/api/rooms/" + room + "/messages", "room 2");
        List<Long> missedDirect = List.of(post(bob, "/api/conversations/" + me.username() + "/messages", "dm 1"),
                post(bob, "/api/conversations/" + me.username() + "/messages", "dm 2"));
        post(bob, "/api/conversations/" + carol.username() + "/messages", "between others");
        long feed2 = post(carol, "/api/rooms/feed/messages", "feed 2");
        List<Long> missedFeed = feedAfter(me, seenFeed);
        assertTrue(missedFeed.containsAll(List.of(feed1, feed2)), missedFeed.toString());
        assertTrue(missedFeed.stream().allMatch(id -> id > seenFeed), missedFeed.toString());

        try (Sock after = Sock.connect(me.token())) {
            JSONObject ack = after.ack("sync", new JSONObject()
                    .put("rooms", new JSONObject().put("feed", seenFeed).put(room, seenRoom))
                    .put("conversations", new JSONObject().put(bob.username(), seenDirect)));
            assertTrue(ack.getBoolean("ok"), ack.toString());
            Map<String, List<Long>> got = byConversation(ack.getJSONArray("messages"), me);
            assertEquals(Map.of("room:feed", missedFeed, "room:" + room, List.of(room1, room2),
                    "with:" + bob.username(), missedDirect), got);
        }
    }

    @Test
    void aMessageResentWithTheSameClientMsgIdAfterAReconnectStaysSingle(@Registered("s_resend") Login me, @Registered("s_bob") Login bob) {
        String room = api.roomOf(me, bob);
        JSONObject inRoom = new JSONObject().put("room", room).put("text", "maybe lost")
                .put("clientMsgId", "r-" + UUID.randomUUID());
        JSONObject direct = new JSONObject().put("to", bob.username()).put("text", "maybe lost too")
                .put("clientMsgId", "d-" + UUID.randomUUID());
        try (Sock bobs = Sock.connect(bob.token())) {
            long roomId, directId;
            try (Sock first = Sock.connect(me.token())) {
                roomId = idOf(first.ack("message", inRoom));
                directId = idOf(first.ack("private_message", direct));
            }
            bobs.awaitMessage(roomId);
            bobs.awaitPrivateMessage(directId);

            try (Sock again = Sock.connect(me.token())) {
                JSONObject resent = again.ack("message", inRoom);
                assertEquals(roomId, idOf(resent));
                assertEquals(inRoom.getString("clientMsgId"), resent.getJSONObject("message").getString("clientMsgId"));
                assertEquals(directId, idOf(again.ack("private_message", direct)));

                // Bob got neither twice: the next of each he gets is a newer message.
                long nextInRoom = idOf(again.ack("message", new JSONObject().put("room", room).put("text", "next")));
                bobs.awaitMessage(nextInRoom);
                long nextDirect = idOf(again.ack("private_message", new JSONObject().put("to", bob.username()).put("text", "next")));
                bobs.awaitPrivateMessage(nextDirect);

                JSONObject sync = bobs.ack("sync", new JSONObject().put("rooms", new JSONObject().put(room, 0))
                        .put("conversations", new JSONObject().put(me.username(), 0)));
                assertEquals(Map.of("room:" + room, List.of(roomId, nextInRoom),
                        "with:" + me.username(), List.of(directId, nextDirect)), byConversation(sync.getJSONArray("messages"), bob));
            }
        }
    }

    @Test
    void syncWithSinceGivesTheChangesToMessagesAlreadySeenAndSaysWhereItCutShort(@Registered("su_me") Login me, @Registered("su_bob") Login bob) {
        String room = api.roomOf(bob, me);
        long edited = api.postMessage(bob, room, "first draft");
        long deleted = api.postMessage(bob, room, "regret");
        long reacted = api.postMessage(bob, room, "nice");
        long untouched = api.postMessage(bob, room, "plain");
        long direct = api.postDirect(bob, me.username(), "psst");
        String since;
        try (Sock before = Sock.connect(me.token())) {
            since = before.awaitReady().getString("serverTime");
        }
        // While the client is away:
        assertEquals(200, api.send("PATCH", "/api/messages/" + edited, bob.token(), "{\"text\": \"final\"}").status());
        assertEquals(204, api.delete("/api/messages/" + deleted, bob.token()).status());
        assertEquals(204, api.put("/api/messages/" + reacted + "/reactions/:tada:", bob.token()).status());
        assertEquals(204, api.put("/api/messages/" + direct + "/reactions/:eyes:", bob.token()).status());
        List<Long> unseen = api.postMany(bob, room, "later ", SYNC_LIMIT + 1);

        try (Sock after = Sock.connect(me.token(), "polling")) {
            JSONObject ack = after.ack("sync", new JSONObject().put("since", since)
                    .put("rooms", new JSONObject().put(room, untouched))
                    .put("conversations", new JSONObject().put(bob.username(), direct)));
            assertTrue(ack.getBoolean("ok"), ack.toString());
            JSONArray updates = ack.getJSONArray("updates");
            assertEquals(List.of(edited, deleted, reacted, direct), Sock.ids(updates));
            assertEquals("final", updates.getJSONObject(0).getString("text"));
            assertTrue(updates.getJSONObject(1).getBoolean("deleted"));
            assertEquals(":tada:", updates.getJSONObject(2).getJSONArray("reactions").getJSONObject(0).getString("emoji"));
            assertEquals(unseen.subList(0, SYNC_LIMIT), Sock.ids(ack.getJSONArray("messages")));
            assertEquals(Map.of(room, true), ack.getJSONObject("hasMore").getJSONObject("rooms").toMap());
            assertTrue(ack.getJSONObject("hasMore").getJSONObject("conversations").isEmpty());
            String syncedAt = ack.getString("syncedAt");

            JSONObject again = after.ack("sync", new JSONObject().put("since", syncedAt)
                    .put("rooms", new JSONObject().put(room, unseen.get(unseen.size() - 1))));
            assertTrue(again.getJSONArray("messages").isEmpty(), again.toString());
            // Changes from the grace period before since may come again; nothing older than since's grace does.
            assertTrue(Sock.ids(again.getJSONArray("updates")).stream().allMatch(List.of(edited, deleted, reacted)::contains));
            assertEquals("invalid_payload", Sock.ackError(after.ack("sync", new JSONObject().put("since", "yesterday"))));
        }
    }

    /** The ids of {@code messages} by room ({@code room:name}) or other party ({@code with:username}), in the order given. */
    private static Map<String, List<Long>> byConversation(JSONArray messages, Login caller) {
        Map<String, List<Long>> grouped = new LinkedHashMap<>();
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < messages.length(); i++) {
            JSONObject m = messages.getJSONObject(i);
            String key = !m.isNull("room") ? "room:" + m.getString("room")
                    : "with:" + (m.getString("from").equals(caller.username()) ? m.getString("to") : m.getString("from"));
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(m.getLong("id"));
            assertTrue(distinct.add(m.getLong("id")), "repeated message " + m);
        }
        return grouped;
    }

    /** Every feed message after {@code id}, oldest first, as the REST history has them. */
    private List<Long> feedAfter(Login caller, long id) {
        var reply = api.get("/api/rooms/feed/messages?after=" + id + "&limit=200", caller.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    private long post(Login sender, String path, String text) {
        var reply = api.post(path, sender.token(), Api.json("text", text));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("message").getJsonNumber("id").longValue();
    }

    private static long idOf(JSONObject ack) {
        assertTrue(ack.getBoolean("ok"), ack.toString());
        return ack.getJSONObject("message").getLong("id");
    }

}
