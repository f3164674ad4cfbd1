package dev.parley.rooms;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.inRoom;
import static dev.parley.support.Sock.ok;
import static dev.parley.support.Sock.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import jakarta.json.JsonObject;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Private rooms: to anyone neither a member nor invited, a room that does not exist, over REST and
 * Socket.IO (WebSocket and polling); invitations, joining by one, withdrawing and declining one.
 */
class PrivateRoomsIT {
    private final Api api = Api.server();

    @Test
    void aPrivateRoomIsCreatedWithItsCreatorAsOwnerAndAnnouncedToTheCreatorAlone(@Guest("p_cr_a") Login alice, @Guest("p_cr_b") Login bob) {
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token(), "polling")) {
            String name = Api.uniqueRoom("p_cr");
            JSONObject room = ok(alices.ack("create_room", new JSONObject().put("name", name).put("private", true))).getJSONObject("room");
            assertTrue(room.getBoolean("private"));
            assertEquals("owner", room.getString("role"));
            assertTrue(room.getBoolean("member"));
            JSONObject announced = alices.awaitRoomCreated(name);
            assertTrue(announced.getBoolean("private"));

            String afterwards = api.createRoom(alice, "p_cr_pub"); // public: everyone hears of it
            assertEquals(afterwards, bobs.awaitJson("room_created").getString("name"), "bob heard of the private room first");
            JsonObject listed = api.room(alice, name);
            assertTrue(listed.getBoolean("private"));
            assertEquals("owner", listed.getString("role"));
            assertFalse(api.room(alice, afterwards).getBoolean("private"));
        }
    }

    @Test
    void aPrivateRoomDoesNotExistForANonMemberOverRest(@Guest("p_rest_a") Login alice, @Guest("p_rest_s") Login stranger) {
        String name = api.createPrivateRoom(alice, "p_rest");
        String word = "secretword" + System.nanoTime();
        long id = api.postMessage(alice, name, "the " + word + " is here");
        String room = "/api/rooms/" + name;
        for (Reply reply : List.of(api.get(room + "/messages", stranger.token()),
                api.put(room + "/members/me", stranger.token()),
                api.delete(room + "/members/me", stranger.token()),
                api.post(room + "/messages", stranger.token(), Api.json("text", "let me in")),
                api.post(room + "/read", stranger.token(), "{\"upTo\": " + id + "}"),
                api.get(room + "/members", stranger.token()),
                api.get(room + "/bans", stranger.token()),
                api.get(room + "/invites", stranger.token()),
                api.send("PATCH", room, stranger.token(), Api.json("topic", "mine now")),
                api.post(room + "/invites", stranger.token(), Api.json("username", stranger.username())),
                api.delete(room + "/members/" + alice.username(), stranger.token()),
                api.put(room + "/bans/" + alice.username(), stranger.token()),
                api.put(room + "/moderators/" + stranger.username(), stranger.token()),
                api.send("PUT", room + "/owner", stranger.token(), Api.json("username", stranger.username())),
                api.get("/api/search?q=" + word + "&room=" + name, stranger.token()),
                api.put("/api/messages/" + id + "/reactions/%F0%9F%91%8D", stranger.token()),
                api.send("PATCH", "/api/messages/" + id, stranger.token(), Api.json("text", "mine now")),
                api.delete("/api/messages/" + id, stranger.token()))) {
            assertEquals(404, reply.status(), () -> reply.response().request().method() + " " + reply.response().uri() + ": " + reply.body());
            assertEquals("not_found", reply.errorCode());
        }
        assertFalse(api.listed(stranger).contains(name));
        Reply search = api.get("/api/search?q=" + word, stranger.token());
        assertEquals(200, search.status(), search.body());
        assertTrue(search.json().getJsonArray("messages").isEmpty(), search.body());
        Reply own = api.get("/api/search?q=" + word, alice.token());
        assertEquals(id, own.json().getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue(), "the member finds it");
        assertEquals(1, api.get(room + "/messages", alice.token()).json().getJsonArray("messages").size());
    }

    @Test
    void aPrivateRoomDoesNotExistForANonMemberOverSocketIoAndNothingOfItReachesThem(@Guest("p_sock_a") Login alice, @Guest("p_sock_s") Login stranger) {
        String name = api.createPrivateRoom(alice, "p_sock");
        for (String transport : List.of("websocket", "polling")) {
            try (Sock alices = Sock.connect(alice.token()); Sock strangers = Sock.connect(stranger.token(), transport)) {
                long id = ok(alices.ack("message", say(name, "@" + stranger.username() + " you cannot see this")))
                        .getJSONObject("message").getLong("id");
                assertEquals("not_found", ackError(strangers.ack("join", inRoom(name))));
                assertEquals("not_found", ackError(strangers.ack("leave", inRoom(name))));
                assertEquals("not_found", ackError(strangers.ack("message", say(name, "hello?"))));
                assertEquals("not_found", ackError(strangers.ack("history", inRoom(name))));
                assertEquals("not_found", ackError(strangers.ack("typing", inRoom(name))));
                assertEquals("not_found", ackError(strangers.ack("read", inRoom(name).put("upTo", id))));
                assertEquals("not_found", ackError(strangers.ack("react", new JSONObject().put("id", id).put("emoji", "👍"))));
                assertEquals("not_found", ackError(strangers.ack("delete_message", new JSONObject().put("id", id))));
                JSONObject synced = ok(strangers.ack("sync", new JSONObject().put("rooms", new JSONObject().put(name, 0))));
                assertTrue(synced.getJSONArray("messages").isEmpty(), synced.toString());
                assertTrue(strangers.awaitReady().toString().indexOf(name) < 0);

                api.fenceNotifications(alice, strangers);
                assertTrue(strangers.noMore("typing") && strangers.noMore("notification") && strangers.noMore("room_created"),
                        "the stranger was told something of the private room");
            }
        }
    }

    @Test
    void anInviteeIsToldSeesTheRoomListedAndJoinsItButReadsItOnlyOnceJoined(@Guest("p_inv_a") Login alice, @Guest("p_inv_b") Login bob) {
        String name = api.createPrivateRoom(alice, "p_inv");
        try (Sock phone = Sock.connect(bob.token()); Sock laptop = Sock.connect(bob.token(), "polling")) {
            api.invite(alice, name, bob);
            for (Sock sock : List.of(phone, laptop)) {
                JSONObject invited = sock.awaitJson("room_invited");
                assertEquals(name, invited.getString("name"));
                assertTrue(invited.getBoolean("private"));
                assertFalse(invited.getBoolean("member"));
                assertTrue(invited.isNull("role"));
                assertEquals(alice.username(), invited.getString("createdBy"));
            }
            JsonObject listed = api.room(bob, name);
            assertFalse(listed.getBoolean("member"));
            assertTrue(listed.isNull("role"));
            Reply early = api.get("/api/rooms/" + name + "/messages", bob.token());
            assertEquals(403, early.status(), early.body());
            assertEquals("forbidden", early.errorCode());
            assertEquals("forbidden", ackError(phone.ack("message", say(name, "not yet"))));

            JSONObject joined = ok(phone.ack("join", inRoom(name))).getJSONObject("room");
            assertTrue(joined.getBoolean("member"));
            assertEquals("member", joined.getString("role"));
            assertEquals(2, joined.getInt("members"));
            long id = api.postMessage(alice, name, "welcome, " + bob.username());
            for (Sock sock : List.of(phone, laptop)) sock.awaitMessage(id);
            assertEquals(200, api.get("/api/rooms/" + name + "/messages", bob.token()).status());
            Reply members = api.get("/api/rooms/" + name + "/members", bob.token());
            assertEquals(200, members.status(), members.body());
            assertEquals(List.of("owner", "member"), members.json().getJsonArray("members").getValuesAs(JsonObject.class).stream()
                    .map(m -> m.getString("role")).toList());
        }
    }

    @Test
    void aWithdrawnOrDeclinedInvitationNoLongerOpensTheRoom(@Guest("p_wd_a") Login alice, @Guest("p_wd_b") Login bob, @Guest("p_wd_c") Login carol) {
        String name = api.createPrivateRoom(alice, "p_wd");
        api.invite(alice, name, bob);
        api.invite(alice, name, carol);
        assertTrue(api.listed(bob).contains(name));
        assertEquals(204, api.delete("/api/rooms/" + name + "/invites/" + bob.username(), alice.token()).status());
        assertEquals(204, api.delete("/api/rooms/" + name + "/invites/" + carol.username(), carol.token()).status(), "declined");
        for (Login was : List.of(bob, carol)) {
            assertFalse(api.listed(was).contains(name));
            Reply join = api.put("/api/rooms/" + name + "/members/me", was.token());
            assertEquals(404, join.status(), join.body());
            assertEquals("not_found", join.errorCode());
        }
        assertEquals(1, api.room(alice, name).getInt("members"));
    }

    @Test
    void onlyTheOwnerAndModeratorsInviteAndAMemberNeedNotBeInvited(@Guest("p_who_a") Login alice, @Guest("p_who_b") Login bob,
            @Guest("p_who_c") Login carol) {
        String name = api.createPrivateRoom(alice, "p_who");
        api.invite(alice, name, bob);
        api.join(bob, name);
        Reply byMember = api.post("/api/rooms/" + name + "/invites", bob.token(), Api.json("username", carol.username()));
        assertEquals(403, byMember.status(), byMember.body());
        assertEquals("forbidden", byMember.errorCode());
        Reply again = api.post("/api/rooms/" + name + "/invites", alice.token(), Api.json("username", bob.username()));
        assertEquals(409, again.status(), again.body());
        Reply nobody = api.post("/api/rooms/" + name + "/invites", alice.token(), Api.json("username", Api.uniqueName("nobody")));
        assertEquals(404, nobody.status(), nobody.body());
        Reply noName = api.post("/api/rooms/" + name + "/invites", alice.token(), "{}");
        assertEquals(400, noName.status(), noName.body());

        assertEquals(204, api.put("/api/rooms/" + name + "/moderators/" + bob.username(), alice.token()).status());
        api.invite(bob, name, carol);
        assertEquals("member", api.join(carol, name).getString("role"));
        assertEquals("moderator", api.room(bob, name).getString("role"));
    }

    /**
     * Access is decided before anything else a request carries: a stranger naming a private room (or
     * a message in it) gets {@code not_found} whether its {@code replyTo} is one of the room's messages,
     * another room's, none at all or negative, and whatever its text, emoji, limit or read marker;
     * so trying ids confirms nothing. An unknown room answers the same.
     */
    @Test
    void aStrangerNamingAPrivateRoomIsNotFoundWhateverElseTheRequestCarries(@Guest("p_ord_a") Login alice, @Guest("p_ord_s") Login stranger) {
        String name = api.createPrivateRoom(alice, "p_ord");
        long inside = api.postMessage(alice, name, "inside");
        long outside = api.postMessage(alice, "feed", "outside");
        String unknown = Api.uniqueRoom("p_ord_none");
        try (Sock strangers = Sock.connect(stranger.token(), "polling")) {
            for (String room : List.of(name, unknown)) {
                for (String replyTo : List.of(String.valueOf(inside), String.valueOf(outside), "999999999", "-1")) {
                    Reply post = api.post("/api/rooms/" + room + "/messages", stranger.token(), "{\"text\": \"hi\", \"replyTo\": " + replyTo + "}");
                    notFound(post);
                }
                for (long replyTo : List.of(inside, outside, 999_999_999L, -1L)) {
                    assertEquals("not_found", ackError(strangers.ack("message", say(room, "hi").put("replyTo", replyTo))), room + " " + replyTo);
                }
                notFound(api.post("/api/rooms/" + room + "/messages", stranger.token(), "{\"text\": \"  \", \"replyTo\": " + inside + "}"));
                notFound(api.get("/api/rooms/" + room + "/messages?limit=0", stranger.token()));
                notFound(api.post("/api/rooms/" + room + "/read", stranger.token(), "{\"upTo\": -1}"));
                notFound(api.get("/api/search?q=inside&room=" + room + "&limit=0", stranger.token()));
                assertEquals("not_found", ackError(strangers.ack("history", inRoom(room).put("limit", 0))));
            }
            notFound(api.send("PATCH", "/api/messages/" + inside, stranger.token(), "{\"text\": \"  \"}"));
            notFound(api.put("/api/messages/" + inside + "/reactions/nope", stranger.token()));
            assertEquals("not_found", ackError(strangers.ack("edit_message", new JSONObject().put("id", inside).put("text", ""))));
            assertEquals("not_found", ackError(strangers.ack("react", new JSONObject().put("id", inside).put("emoji", "nope"))));
        }
        assertEquals(1, api.get("/api/rooms/" + name + "/messages", alice.token()).json().getJsonArray("messages").size());
    }

    /**
     * Names are unique, so taking a private room's name is a conflict even for a stranger; the answer
     * is the one for a public room's name, word for word, and says nothing of the room (not that it
     * is private, not whose it is), over REST and Socket.IO.
     */
    @Test
    void takingAPrivateRoomsNameIsAConflictThatSaysNothingMore(@Guest("p_409_owner") Login owner, @Guest("p_409_s") Login stranger) {
        String hidden = api.createPrivateRoom(owner, "p_409_priv");
        String open = api.createRoom(owner, "p_409_pub");
        Reply publicOne = api.post("/api/rooms", stranger.token(), Api.json("name", open));
        assertEquals(409, publicOne.status(), publicOne.body());
        for (String body : List.of(Api.json("name", hidden), "{\"name\": \"" + hidden + "\", \"private\": true}")) {
            Reply taken = api.post("/api/rooms", stranger.token(), body);
            assertEquals(409, taken.status(), taken.body());
            assertEquals("conflict", taken.errorCode());
            assertEquals(publicOne.json().getJsonObject("error").getString("message"), taken.json().getJsonObject("error").getString("message"));
            assertEquals(publicOne.json().getJsonObject("error").keySet(), taken.json().getJsonObject("error").keySet());
            for (String secret : List.of(owner.username(), "private", hidden)) {
                assertFalse(taken.body().toLowerCase(java.util.Locale.ROOT).contains(secret.toLowerCase(java.util.Locale.ROOT)),
                        () -> "the 409 tells " + secret + ": " + taken.body());
            }
        }
        try (Sock strangers = Sock.connect(stranger.token())) {
            JSONObject opened = strangers.ack("create_room", new JSONObject().put("name", open));
            JSONObject hiddenOne = strangers.ack("create_room", new JSONObject().put("name", hidden));
            assertEquals("conflict", ackError(hiddenOne));
            assertEquals(opened.getJSONObject("error").toMap(), hiddenOne.getJSONObject("error").toMap());
        }
        assertFalse(api.listed(stranger).contains(hidden));
    }

    private static void notFound(Reply reply) {
        assertEquals(404, reply.status(), () -> reply.response().request().method() + " " + reply.response().uri() + ": " + reply.body());
        assertEquals("not_found", reply.errorCode());
    }
}
