package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** A blocked user's direct messages to the blocker are refused over REST and Socket.IO alike, until unblocked. */
class BlockingIT {
    private final Api api = Api.server();

    @Test
    void aBlockedUsersDirectMessagesAreRefusedOnBothProtocolsUntilUnblocked(@Guest("bob") Login bob, @Guest("mallory") Login mallory) {
        try (Sock bobs = Sock.connect(bob.token()); Sock mallorys = Sock.connect(mallory.token())) {
            assertEquals(204, api.put("/api/users/me/blocks/" + mallory.username().toUpperCase(), bob.token()).status());

            Reply rest = api.post("/api/conversations/" + bob.username() + "/messages", mallory.token(), Api.json("text", "let me in"));
            assertEquals(403, rest.status(), rest.body());
            assertEquals("forbidden", rest.errorCode());
            JSONObject ack = mallorys.ack("private_message", new JSONObject().put("to", bob.username()).put("text", "let me in"));
            assertEquals("forbidden", Sock.ackError(ack));
            assertEquals(0, api.get("/api/conversations/" + mallory.username() + "/messages", bob.token())
                    .json().getJsonArray("messages").size(), "nothing was stored");

            // The blocker can still write; the answer comes back through unblocking only.
            api.postDirect(bob, mallory.username(), "stop it");
            assertEquals("stop it", mallorys.awaitJson("private_message").getString("text"));
            assertEquals("stop it", bobs.awaitJson("private_message").getString("text"), "bob's own, to his other sockets");
            assertTrue(bobs.noMore("private_message"), "bob got none of mallory's messages");

            assertEquals(204, api.delete("/api/users/me/blocks/" + mallory.username(), bob.token()).status());
            assertEquals(201, api.post("/api/conversations/" + bob.username() + "/messages", mallory.token(),
                    Api.json("text", "sorry")).status());
            assertEquals("sorry", bobs.awaitJson("private_message").getString("text"));
            Sock.ok(mallorys.ack("private_message", new JSONObject().put("to", bob.username()).put("text", "really")));
            assertEquals("really", bobs.awaitJson("private_message").getString("text"));
        }
    }

    @Test
    void theBlockListShowsWhoAndWhenAndBlockingIsIdempotent(@Guest("lister") Login me, @Guest("first") Login first, @Guest("second") Login second) {
        api.send("PATCH", "/api/users/me", second.token(), "{\"displayName\":\"Second Person\"}");
        assertEquals("[]", api.get("/api/users/me/blocks", me.token()).body());
        assertEquals(204, api.put("/api/users/me/blocks/" + first.username(), me.token()).status());
        assertEquals(204, api.put("/api/users/me/blocks/" + second.username(), me.token()).status());
        assertEquals(204, api.put("/api/users/me/blocks/" + first.username(), me.token()).status());

        Reply list = api.get("/api/users/me/blocks", me.token());
        assertEquals(200, list.status(), list.body());
        JsonArray blocked = list.structure().asJsonArray();
        assertEquals(2, blocked.size(), list.body());
        JsonObject one = blocked.getJsonObject(0);
        assertEquals(first.username(), one.getString("username"));
        assertEquals(first.username(), one.getString("displayName"));
        assertTrue(one.getString("blockedAt").endsWith("Z"));
        assertEquals("Second Person", blocked.getJsonObject(1).getString("displayName"));

        assertEquals(204, api.delete("/api/users/me/blocks/" + first.username(), me.token()).status());
        assertEquals(204, api.delete("/api/users/me/blocks/" + first.username(), me.token()).status());
        assertEquals(1, api.get("/api/users/me/blocks", me.token()).structure().asJsonArray().size());
        assertEquals(0, api.get("/api/users/me/blocks", first.token()).structure().asJsonArray().size(), "blocks are the blocker's own");
    }

    @Test
    void blockingAnUnknownUserOrYourselfIsRefused(@Guest("refuser") Login me) {
        Reply unknown = api.put("/api/users/me/blocks/" + Api.uniqueName("nobody"), me.token());
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.errorCode());
        assertEquals(404, api.delete("/api/users/me/blocks/" + Api.uniqueName("nobody"), me.token()).status());
        Reply self = api.put("/api/users/me/blocks/" + me.username(), me.token());
        assertEquals(400, self.status());
        assertEquals("invalid_payload", self.errorCode());
        assertEquals(401, api.put("/api/users/me/blocks/" + me.username(), null).status());
        assertEquals(401, api.get("/api/users/me/blocks", null).status());
        assertEquals("[]", api.get("/api/users/me/blocks", me.token()).body());
    }

    @Test
    void aDeletedUsersBlocksGoWithIt(@Guest("blocker") Login blocker, @Guest("blocked") Login blocked) {
        api.put("/api/users/me/blocks/" + blocked.username(), blocker.token());
        assertEquals(204, api.send("DELETE", "/api/users/me", blocked.token(), "{}").status());
        assertEquals("[]", api.get("/api/users/me/blocks", blocker.token()).body());
    }

    /**
     * Blocking covers more than new direct messages: the blocked user's edits of earlier direct
     * messages to the blocker, reactions to the blocker's messages anywhere and invitations of the
     * blocker are refused; their mentions of the blocker stay in the text and the message's
     * {@code mentions}, but notify nothing and count as no unread mention.
     */
    @Test
    void aBlockedUserNoLongerEditsReactsInvitesOrNotifiesByMentioningTheBlocker(@Guest("bk_bob") Login bob, @Guest("bk_mallory") Login mallory) {
        long earlier = api.postDirect(mallory, bob.username(), "hi bob");
        long bobsDirect = api.postDirect(bob, mallory.username(), "hi");
        String room = api.roomOf(bob, mallory);
        long bobsInRoom = api.postMessage(bob, room, "welcome");
        long bobsInFeed = api.postMessage(bob, "feed", "morning");
        long mallorysInRoom = api.postMessage(mallory, room, "thanks");
        String hers = api.createPrivateRoom(mallory, "bk_hers");
        assertEquals(204, api.put("/api/users/me/blocks/" + mallory.username(), bob.token()).status());

        try (Sock bobs = Sock.connect(bob.token()); Sock mallorys = Sock.connect(mallory.token(), "polling")) {
            String mention = "@" + bob.username() + " look";
            forbidden(api.send("PATCH", "/api/messages/" + earlier, mallory.token(), Api.json("text", mention)));
            assertEquals("forbidden", Sock.ackError(mallorys.ack("edit_message", new JSONObject().put("id", earlier).put("text", mention))));
            for (long his : List.of(bobsDirect, bobsInRoom, bobsInFeed)) {
                forbidden(api.put("/api/messages/" + his + "/reactions/%F0%9F%91%8D", mallory.token()));
                assertEquals("forbidden", Sock.ackError(mallorys.ack("react", new JSONObject().put("id", his).put("emoji", "👍"))));
            }
            for (int again = 0; again < 2; again++) {
                forbidden(api.post("/api/rooms/" + hers + "/invites", mallory.token(), Api.json("username", bob.username())));
            }

            Reply inRoom = api.post("/api/rooms/" + room + "/messages", mallory.token(), Api.json("text", mention));
            assertEquals(201, inRoom.status(), inRoom.body());
            assertEquals(List.of(bob.username()), inRoom.json().getJsonObject("message").getJsonArray("mentions").stream()
                    .map(v -> ((JsonString) v).getString()).toList(), "the message keeps what its text says");
            JSONObject note = bobs.awaitJson("notification");
            assertEquals("message", note.getString("kind"), "a room's message, as any other; no mention");
            Sock.ok(mallorys.ack("message", new JSONObject().put("room", "feed").put("text", mention)));
            assertEquals(200, api.send("PATCH", "/api/messages/" + mallorysInRoom, mallory.token(),
                    Api.json("text", "thanks, " + mention)).status());
            api.fenceNotifications(mallory, bobs);
            assertTrue(bobs.noMore("notification"), "mallory's mentions of bob notified him");
            assertTrue(bobs.noMore("room_invited"));
            assertEquals(0, api.room(bob, room).getInt("mentions"));
            assertEquals(0, api.room(bob, "feed").getInt("mentions"));
            assertEquals("hi bob", api.get("/api/conversations/" + mallory.username() + "/messages?limit=2", bob.token())
                    .json().getJsonArray("messages").getJsonObject(1).getString("text"));

            assertEquals(204, api.delete("/api/users/me/blocks/" + mallory.username(), bob.token()).status());
            assertEquals(204, api.put("/api/messages/" + bobsInRoom + "/reactions/%F0%9F%91%8D", mallory.token()).status());
            api.invite(mallory, hers, bob);
        }
    }

    private static void forbidden(Reply reply) {
        assertEquals(403, reply.status(), () -> reply.response().request().method() + " " + reply.response().uri() + ": " + reply.body());
        assertEquals("forbidden", reply.errorCode());
    }
}
