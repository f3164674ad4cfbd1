package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Every client event with a malformed payload is answered {@code invalid_payload} and changes nothing.
 * Each test uses fresh sockets and stays under the 20-event burst.
 */
class PayloadValidationIT {
    /** Emit the event with nothing but the ack. */
    private static final Object NO_PAYLOAD = new Object() {
        @Override
        public String toString() {
            return "(no payload)";
        }
    };
    private static final String BAD_NAME = "bad room!";
    private static final String TOO_LONG_NAME = "a".repeat(65);

    private final Api api = Api.server();

    @Test
    void malformedMessagesAreRefusedAndNothingIsStoredOrSent(@Registered("v_msg") Login me, @Registered("v_msgw") Login watcher) {
        String room = api.roomOf(me, watcher);
        try (Sock sock = Sock.connect(me.token()); Sock watching = Sock.connect(watcher.token())) {
            assertInvalid(sock, "message", 42, NO_PAYLOAD, obj("room", room),
                    obj("room", room, "text", 5),
                    obj("room", 7, "text", "hi"),
                    obj("room", BAD_NAME, "text", "hi"),
                    obj("room", room, "text", "hi", "clientMsgId", "c".repeat(65)),
                    obj("room", room, "text", "hi", "clientMsgId", 5));
            long id = sock.post("message", obj("room", room, "text", "good", "clientMsgId", "c".repeat(64)));
            watching.awaitMessage(id);
            assertEquals(List.of(id), ids("/api/rooms/" + room + "/messages", me));
        }
    }

    @Test
    void malformedPrivateMessagesAreRefusedAndNothingIsStoredOrSent(@Registered("v_pm") Login me, @Registered("v_pmb") Login bob) {
        String to = bob.username();
        try (Sock sock = Sock.connect(me.token()); Sock bobs = Sock.connect(bob.token())) {
            assertInvalid(sock, "private_message", 42, NO_PAYLOAD, "just a string",
                    obj("text", "hi"),
                    obj("to", to),
                    obj("to", 5, "text", "hi"),
                    obj("to", to, "text", 5),
                    obj("to", to, "text", "hi", "clientMsgId", "c".repeat(65)),
                    obj("to", to, "text", "hi", "clientMsgId", 7));
            long id = sock.post("private_message", obj("to", to, "text", "good"));
            bobs.awaitPrivateMessage(id);
            assertEquals(List.of(id), ids("/api/conversations/" + to + "/messages", me));
        }
    }

    @Test
    void malformedJoinsAndLeavesAreRefusedAndMembershipStaysAsItWas(@Registered("v_join") Login me, @Registered("v_joino") Login other) {
        String mine = api.roomOf(me);
        String theirs = api.roomOf(other);
        try (Sock sock = Sock.connect(me.token())) {
            assertInvalid(sock, "join", 42, NO_PAYLOAD, theirs, obj(), obj("room", 5), obj("room", ""),
                    obj("room", BAD_NAME), obj("room", TOO_LONG_NAME), obj("room", new JSONArray().put(theirs)));
            assertInvalid(sock, "leave", mine, obj(), obj("room", 5), obj("room", BAD_NAME),
                    obj("room", new JSONArray().put(mine)));
            assertTrue(isMember(me, mine));
            assertFalse(isMember(me, theirs));
            JSONObject joined = sock.ack("join", obj("room", theirs));
            assertTrue(joined.getBoolean("ok"), joined.toString());
            assertTrue(isMember(me, theirs));
        }
    }

    @Test
    void malformedRoomCreationsAreRefusedAndCreateNothing(@Registered("v_create") Login me, @Registered("v_createw") Login watcher) {
        String refused = Api.uniqueName("v");
        String created = Api.uniqueName("v");
        try (Sock sock = Sock.connect(me.token()); Sock watching = Sock.connect(watcher.token())) {
            assertInvalid(sock, "create_room", 42, NO_PAYLOAD, refused, obj(), obj("topic", "no name"),
                    obj("name", 5), obj("name", ""), obj("name", "has space"), obj("name", TOO_LONG_NAME),
                    obj("name", refused, "topic", 5));
            JSONObject good = sock.ack("create_room", obj("name", created, "topic", "fine"));
            assertTrue(good.getBoolean("ok"), good.toString());
            assertEquals(created, watching.awaitJson("room_created").getString("name"));
            List<String> names = roomNames(me);
            assertTrue(names.contains(created));
            assertFalse(names.contains(refused));
            assertFalse(names.contains("has space") || names.contains(TOO_LONG_NAME));
            assertEquals(404, api.get("/api/rooms/" + refused + "/messages", me.token()).status());
        }
    }

    @Test
    void malformedHistoryRequestsAreRefused(@Registered("v_hist") Login me) {
        try (Sock sock = Sock.connect(me.token())) {
            assertInvalid(sock, "history", 42, "feed", obj(), obj("room", 5), obj("with", 5), obj("room", BAD_NAME),
                    obj("room", "feed", "limit", 0),
                    obj("room", "feed", "limit", 201),
                    obj("room", "feed", "limit", "10"),
                    obj("room", "feed", "before", "abc"),
                    obj("room", "feed", "after", true));
            JSONObject good = sock.ack("history", obj("room", "feed", "limit", 200));
            assertTrue(good.getBoolean("ok"), good.toString());
        }
    }

    @Test
    void malformedTypingGetsAnErrorEventAndRelaysNothing(@Registered("v_type") Login me, @Registered("v_typem") Login member) {
        String room = api.roomOf(me, member);
        try (Sock sock = Sock.connect(me.token()); Sock other = Sock.connect(member.token())) {
            List<Object> bad = List.of(42, room, obj(), obj("room", 5), obj("to", 5), obj("room", BAD_NAME));
            sock.emit("typing");
            for (Object payload : bad) sock.emit("typing", payload);
            for (int i = 0; i <= bad.size(); i++) {
                assertEquals("invalid_payload", sock.awaitJson("error").getString("code"), "error " + i);
            }
            sock.emit("typing", obj("room", room));
            JSONObject typing = other.awaitJson("typing");
            assertEquals(room, typing.getString("room"));
            assertEquals(me.username(), typing.getString("from"));
        }
    }

    @Test
    void malformedFocusIsRefusedAndKeepsTheFocusThatWasSet(@Registered("v_focus") Login me, @Registered("v_focusb") Login bob) {
        String focused = api.roomOf(bob, me);
        String elsewhere = api.roomOf(bob, me);
        try (Sock sock = Sock.connect(me.token())) {
            assertTrue(sock.ack("focus", obj("room", focused)).getBoolean("ok"));
            assertInvalid(sock, "focus", 42, focused, obj("room", 5), obj("with", 5), obj("room", BAD_NAME),
                    obj("room", new JSONArray().put(focused)));
            // Still focused there: a message in it notifies nobody on this socket, one elsewhere does.
            post(bob, "/api/rooms/" + focused + "/messages");
            post(bob, "/api/rooms/" + elsewhere + "/messages");
            assertEquals(elsewhere, sock.awaitJson("notification").getString("room"));
            assertTrue(sock.ack("focus", obj()).getBoolean("ok"));
        }
    }

    @Test
    void malformedReadsAreRefusedAndLeaveUnreadCountsAsTheyWere(@Registered("v_read") Login me, @Registered("v_readb") Login bob) {
        String room = api.roomOf(bob, me);
        long first = post(bob, "/api/rooms/" + room + "/messages");
        long second = post(bob, "/api/rooms/" + room + "/messages");
        assertEquals(2, unread(me, room));
        try (Sock sock = Sock.connect(me.token())) {
            assertInvalid(sock, "read", 42, NO_PAYLOAD, obj(), obj("upTo", second), obj("room", room),
                    obj("room", room, "upTo", String.valueOf(second)),
                    obj("room", 5, "upTo", second),
                    obj("with", 5, "upTo", second),
                    obj("room", BAD_NAME, "upTo", second));
            assertEquals(2, unread(me, room));
            assertTrue(sock.ack("read", obj("room", room, "upTo", first)).getBoolean("ok"));
            assertEquals(1, unread(me, room));
        }
    }

    @Test
    void malformedSyncRequestsAreRefused(@Registered("v_sync") Login me) {
        long mine = post(me, "/api/rooms/feed/messages");
        try (Sock sock = Sock.connect(me.token())) {
            assertInvalid(sock, "sync", 42, "feed",
                    obj("rooms", 5),
                    obj("rooms", new JSONArray().put("feed")),
                    obj("rooms", obj("feed", "1")),
                    obj("rooms", obj(BAD_NAME, 0)),
                    obj("conversations", 5),
                    obj("conversations", obj(me.username(), "1")));
            JSONObject good = sock.ack("sync", obj("rooms", obj("feed", mine - 1), "conversations", obj()));
            assertTrue(good.getBoolean("ok"), good.toString());
            assertTrue(good.getJSONArray("messages").toString().contains("\"id\":" + mine), good.toString());
        }
    }

    /** Each payload, sent with an ack, is answered {@code invalid_payload}. */
    private static void assertInvalid(Sock sock, String event, Object... payloads) {
        for (Object payload : payloads) {
            JSONObject ack = payload == NO_PAYLOAD ? sock.ack(event) : sock.ack(event, payload);
            String what = event + " " + payload + " -> " + ack;
            assertFalse(ack.getBoolean("ok"), what);
            assertEquals("invalid_payload", ack.getJSONObject("error").getString("code"), what);
            assertTrue(ack.getJSONObject("error").getString("message").length() > 0, what);
        }
    }

    private static JSONObject obj(Object... keysAndValues) {
        JSONObject o = new JSONObject();
        for (int i = 0; i < keysAndValues.length; i += 2) o.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return o;
    }


    private long post(Login sender, String path) {
        var reply = api.post(path, sender.token(), Api.json("text", "hello"));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("message").getJsonNumber("id").longValue();
    }

    private List<Long> ids(String historyPath, Login caller) {
        var reply = api.get(historyPath + "?limit=200", caller.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    private List<JsonObject> rooms(Login caller) {
        var reply = api.get("/api/rooms", caller.token());
        assertEquals(200, reply.status(), reply.body());
        return ((JsonArray) reply.structure()).getValuesAs(JsonObject.class);
    }

    private List<String> roomNames(Login caller) {
        return rooms(caller).stream().map(r -> r.getString("name")).toList();
    }

    private JsonObject room(Login caller, String name) {
        return rooms(caller).stream().filter(r -> r.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no room " + name));
    }

    private boolean isMember(Login caller, String name) {
        return room(caller, name).getBoolean("member");
    }

    private int unread(Login caller, String name) {
        return room(caller, name).getInt("unread");
    }
}
