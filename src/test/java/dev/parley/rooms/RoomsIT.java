package dev.parley.rooms;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.inRoom;
import static dev.parley.support.Sock.ok;
import static dev.parley.support.Sock.say;
import static dev.parley.support.Api.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Rooms over REST and Socket.IO: creating, listing, joining, leaving, and who hears a room's messages. */
class RoomsIT {
    private final Api api = Api.server();

    @Test
    void creatingARoomAnswers201WithTheRoomNamedInLowerCaseAndTheCreatorAsItsMember(@Registered("r_create") Login alice) {
        String typed = Api.uniqueName("Mixed_Case");
        Reply reply = api.post("/api/rooms", alice.token(),
                Json.createObjectBuilder().add("name", typed).add("topic", "all things mixed").build().toString());
        assertEquals(201, reply.status(), reply.body());
        JsonObject room = reply.json().getJsonObject("room");
        String name = typed.toLowerCase(Locale.ROOT);
        assertEquals(name, room.getString("name"));
        assertEquals("all things mixed", room.getString("topic"));
        assertEquals(alice.username(), room.getString("createdBy"));
        assertTrue(room.getString("createdAt").endsWith("Z"), room.toString());
        assertEquals(1, room.getInt("members"));
        assertTrue(room.getBoolean("member"));
        assertEquals(0, room.getInt("unread"));
        assertTrue(api.room(alice, name).getBoolean("member"));
    }

    @Test
    void invalidRoomNamesAreRefusedWithInvalidPayload(@Registered("r_invalid") Login alice) {
        for (String bad : List.of("", "has space", "dots.not.allowed", "slash/no", "ünïcode", "x".repeat(65))) {
            Reply reply = api.post("/api/rooms", alice.token(), Api.json("name", bad));
            assertEquals(400, reply.status(), () -> "'" + bad + "': " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        Reply noName = api.post("/api/rooms", alice.token(), Api.json("topic", "no name"));
        assertEquals(400, noName.status());
        assertEquals("invalid_payload", noName.errorCode());
        String longest = (uniqueRoom("r_max") + "x".repeat(64)).substring(0, 64);
        assertEquals(201, api.post("/api/rooms", alice.token(), Api.json("name", longest)).status());
    }

    @Test
    void aDuplicateRoomNameIsAConflictWhateverItsCase(@Registered("r_dup") Login alice, @Registered("r_dup2") Login bob) {
        String name = api.createRoom(alice, "r_dup");
        for (String again : List.of(name, name.toUpperCase(Locale.ROOT), "feed")) {
            Reply reply = api.post("/api/rooms", bob.token(), Api.json("name", again));
            assertEquals(409, reply.status(), () -> again + ": " + reply.body());
            assertEquals("conflict", reply.errorCode());
        }
        assertEquals(1, api.room(alice, name).getInt("members"));
    }

    @Test
    void everyConnectedSocketOfEveryUserGetsRoomCreated(@Registered("r_ev_a") Login alice, @Registered("r_ev_b") Login bob) {
        try (Sock alicesPhone = Sock.connect(alice.token());
             Sock alicesLaptop = Sock.connect(alice.token(), "polling");
             Sock bobs = Sock.connect(bob.token())) {
            String name = api.createRoom(alice, "r_ev");
            for (Sock sock : List.of(alicesPhone, alicesLaptop, bobs)) {
                JSONObject created = sock.awaitRoomCreated(name);
                assertEquals(alice.username(), created.getString("createdBy"));
                assertEquals(1, created.getInt("members"));
            }
        }
    }

    @Test
    void createRoomEventAcksWithTheRoomAndPutsTheCreatorsSocketsInIt(@Registered("r_sc") Login alice) {
        try (Sock creating = Sock.connect(alice.token()); Sock other = Sock.connect(alice.token(), "polling")) {
            String name = uniqueRoom("r_sc");
            JSONObject ack = ok(creating.ack("create_room", new JSONObject().put("name", name).put("topic", "t")));
            JSONObject room = ack.getJSONObject("room");
            assertEquals(name, room.getString("name"));
            assertEquals("t", room.getString("topic"));
            assertTrue(room.getBoolean("member"));
            assertEquals("conflict", ackError(creating.ack("create_room", new JSONObject().put("name", name))));
            assertEquals("invalid_payload", ackError(creating.ack("create_room", new JSONObject().put("name", "no good"))));

            long id = creating.post("message", say(name, "first words"));
            JSONObject got = other.awaitMessage(id);
            assertEquals(name, got.getString("room"));
        }
    }

    @Test
    void listingRoomsShowsMembersMemberAndUnreadForTheCaller(@Registered("r_list_a") Login alice, @Registered("r_list_b") Login bob) {
        String name = api.createRoom(alice, "r_list");
        JsonObject feed = api.room(bob, "feed");
        assertTrue(feed.getBoolean("member"));
        assertTrue(feed.getInt("members") >= 2, feed.toString());
        assertTrue(feed.containsKey("unread"));
        JsonObject before = api.room(bob, name);
        assertFalse(before.getBoolean("member"));
        assertEquals(1, before.getInt("members"));
        assertEquals(0, before.getInt("unread"));
        api.join(bob, name);
        JsonObject after = api.room(bob, name);
        assertTrue(after.getBoolean("member"));
        assertEquals(2, after.getInt("members"));
        assertTrue(api.room(alice, name).getBoolean("member"));
    }

    @Test
    void joiningIsIdempotentAndLeavingAnswers204(@Registered("r_join_a") Login alice, @Registered("r_join_b") Login bob) {
        String name = api.createRoom(alice, "r_join");
        for (int i = 0; i < 2; i++) {
            JsonObject room = api.join(bob, name);
            assertEquals(name, room.getString("name"));
            assertTrue(room.getBoolean("member"));
            assertEquals(2, room.getInt("members"));
        }
        assertEquals(204, api.delete("/api/rooms/" + name + "/members/me", bob.token()).status());
        JsonObject left = api.room(bob, name);
        assertFalse(left.getBoolean("member"));
        assertEquals(1, left.getInt("members"));
    }

    @Test
    void theFeedCannotBeLeftOverRestOrSocket(@Registered("r_feed_a") Login alice, @Registered("r_feed_b") Login bob) {
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token())) {
            Reply rest = api.delete("/api/rooms/feed/members/me", alice.token());
            assertEquals(403, rest.status());
            assertEquals("forbidden", rest.errorCode());
            assertEquals("forbidden", ackError(alices.ack("leave", inRoom("feed"))));
            assertTrue(api.room(alice, "feed").getBoolean("member"));
            long id = bobs.post("message", say("feed", "still here?"));
            alices.awaitMessage(id);
        }
    }

    @Test
    void joinAndLeaveEventsAckWithTheRoom(@Registered("r_sj_a") Login alice, @Registered("r_sj_b") Login bob) {
        String name = api.createRoom(alice, "r_sj");
        try (Sock bobs = Sock.connect(bob.token())) {
            JSONObject joined = ok(bobs.ack("join", inRoom(name))).getJSONObject("room");
            assertEquals(name, joined.getString("name"));
            assertTrue(joined.getBoolean("member"));
            assertEquals(2, joined.getInt("members"));
            assertTrue(api.room(bob, name).getBoolean("member"));
            JSONObject left = ok(bobs.ack("leave", inRoom(name))).getJSONObject("room");
            assertEquals(name, left.getString("name"));
            assertFalse(left.getBoolean("member"));
            assertEquals(1, left.getInt("members"));
            assertFalse(api.room(bob, name).getBoolean("member"));
        }
    }

    @Test
    void joiningOnOneSocketDeliversTheRoomToEverySocketOfTheUser(@Registered("r_all_a") Login alice, @Registered("r_all_b") Login bob) {
        String name = api.createRoom(alice, "r_all");
        try (Sock joining = Sock.connect(bob.token()); Sock other = Sock.connect(bob.token(), "polling")) {
            ok(joining.ack("join", inRoom(name)));
            long id = api.postMessage(alice, name, "welcome");
            for (Sock sock : List.of(joining, other)) {
                JSONObject got = sock.awaitMessage(id);
                assertEquals(name, got.getString("room"));
            }
        }
    }

    @Test
    void leavingOnOneSocketStopsTheRoomOnEverySocketOfTheUser(@Registered("r_stop_a") Login alice, @Registered("r_stop_b") Login bob) {
        String leaving = api.createRoom(alice, "r_stop");
        String staying = api.roomOf(alice, bob);
        try (Sock leaver = Sock.connect(bob.token()); Sock other = Sock.connect(bob.token(), "polling")) {
            api.join(bob, leaving); // over REST, while both sockets are connected
            long welcome = api.postMessage(alice, leaving, "before leaving");
            for (Sock sock : List.of(leaver, other)) sock.awaitMessage(welcome);

            ok(leaver.ack("leave", inRoom(leaving)));
            api.postMessage(alice, leaving, "after leaving");
            long marker = api.postMessage(alice, staying, "in the room bob kept");
            for (Sock sock : List.of(leaver, other)) {
                JSONObject next = sock.awaitJson("message");
                assertEquals(marker, next.getLong("id"), () -> "got " + next);
            }
        }
    }

    @Test
    void aRoomMessageReachesOnlyTheRoomsMembers(@Registered("r_only_a") Login alice, @Registered("r_only_m") Login member,
            @Registered("r_only_o") Login outsider) {
        String name = api.roomOf(alice, member);
        try (Sock sending = Sock.connect(alice.token());
             Sock members = Sock.connect(member.token());
             Sock outsiders = Sock.connect(outsider.token())) {
            JSONObject sent = ok(sending.ack("message", say(name, "members only"))).getJSONObject("message");
            assertEquals(name, sent.getString("room"));
            assertTrue(sent.isNull("to"));
            JSONObject got = members.awaitJson("message");
            assertEquals(sent.getLong("id"), got.getLong("id"));
            assertEquals("members only", got.getString("text"));

            long marker = sending.post("message", say("feed", "for everyone"));
            outsiders.awaitMessage(marker);
        }
    }

    @Test
    void aNonMemberSendingToARoomIsForbiddenAndNothingIsSent(@Registered("r_forb_a") Login alice, @Registered("r_forb_o") Login outsider) {
        String name = api.createRoom(alice, "r_forb");
        try (Sock alices = Sock.connect(alice.token()); Sock outsiders = Sock.connect(outsider.token())) {
            assertEquals("forbidden", ackError(outsiders.ack("message", say(name, "let me in"))));
            Reply rest = api.post("/api/rooms/" + name + "/messages", outsider.token(), Api.json("text", "let me in"));
            assertEquals(403, rest.status());
            assertEquals("forbidden", rest.errorCode());

            long marker = outsiders.post("message", say("feed", "on the feed instead"));
            alices.awaitMessage(marker);
        }
    }

    @Test
    void anUnknownRoomIsNotFoundEverywhere(@Registered("r_nf") Login alice) {
        String nowhere = uniqueRoom("r_nowhere");
        try (Sock sock = Sock.connect(alice.token())) {
            assertEquals("not_found", ackError(sock.ack("message", say(nowhere, "hello?"))));
            assertEquals("not_found", ackError(sock.ack("join", inRoom(nowhere))));
            assertEquals("not_found", ackError(sock.ack("leave", inRoom(nowhere))));
        }
        for (Reply reply : List.of(api.put("/api/rooms/" + nowhere + "/members/me", alice.token()),
                api.delete("/api/rooms/" + nowhere + "/members/me", alice.token()),
                api.post("/api/rooms/" + nowhere + "/messages", alice.token(), Api.json("text", "hello?")),
                api.get("/api/rooms/" + nowhere + "/messages", alice.token()))) {
            assertEquals(404, reply.status(), reply.body());
            assertEquals("not_found", reply.errorCode());
        }
    }

    @Test
    void onConnectASocketIsAlreadyInEveryRoomOfItsUser(@Registered("r_conn_a") Login alice, @Registered("r_conn_b") Login bob) {
        String name = api.roomOf(alice, bob);
        try (Sock bobs = Sock.connect(bob.token())) {
            JSONArray rooms = bobs.awaitReady().getJSONArray("rooms");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < rooms.length(); i++) names.add(rooms.getJSONObject(i).getString("name"));
            assertTrue(names.contains("feed") && names.contains(name), names.toString());

            long id = api.postMessage(alice, name, "no join needed");
            JSONObject got = bobs.awaitMessage(id);
            assertEquals(name, got.getString("room"));
        }
    }
}
