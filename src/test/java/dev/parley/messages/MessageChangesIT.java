package dev.parley.messages;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Replies, edits and deletions, over REST and Socket.IO: who may, who hears of it, and what history shows. */
class MessageChangesIT {
    private final Api api = Api.server();

    private static String text(String text) {
        return new JSONObject().put("text", text).toString();
    }

    @Test
    void aReplyNamesAMessageOfTheSameRoomOrConversationOnly(@Registered("rp_alice") Login alice, @Registered("rp_bob") Login bob) {
        String room = api.roomOf(alice, bob);
        String other = api.roomOf(alice);
        long original = api.postMessage(bob, room, "question?");
        long elsewhere = api.postMessage(alice, other, "elsewhere");
        long direct = api.postDirect(bob, alice.username(), "privately");

        Reply reply = api.post("/api/rooms/" + room + "/messages", alice.token(), "{\"text\": \"answer\", \"replyTo\": " + original + "}");
        assertEquals(201, reply.status(), reply.body());
        assertEquals(original, reply.json().getJsonObject("message").getJsonNumber("replyTo").longValue());
        for (long wrong : List.of(elsewhere, direct, 999_999_999L, -1L)) {
            Reply refused = api.post("/api/rooms/" + room + "/messages", alice.token(), "{\"text\": \"x\", \"replyTo\": " + wrong + "}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("invalid_payload", refused.errorCode());
        }
        try (Sock s = Sock.connect(alice.token(), "polling")) {
            JSONObject ack = s.ack("private_message", new JSONObject().put("to", bob.username()).put("text", "re").put("replyTo", direct));
            assertEquals(direct, ok(ack).getJSONObject("message").getLong("replyTo"));
            assertEquals("invalid_payload", ackError(s.ack("private_message",
                    new JSONObject().put("to", bob.username()).put("text", "re").put("replyTo", original))));
            assertEquals("invalid_payload", ackError(s.ack("message",
                    new JSONObject().put("room", room).put("text", "re").put("replyTo", direct))));
        }
        JsonObject newest = api.get("/api/rooms/" + room + "/messages?limit=1", alice.token()).json()
                .getJsonArray("messages").getJsonObject(0);
        assertEquals("answer", newest.getString("text"), "nothing refused was stored");
    }

    @Test
    void onlyTheAuthorEditsAndEveryMembersSocketHearsOfItButNoOneElse(@Registered("ed_alice") Login alice, @Registered("ed_bob") Login bob,
            @Registered("ed_stranger") Login stranger) {
        String room = api.roomOf(alice, bob);
        try (Sock alice1 = Sock.connect(alice.token()); Sock alice2 = Sock.connect(alice.token(), "polling");
             Sock bobs = Sock.connect(bob.token()); Sock strangers = Sock.connect(stranger.token())) {
            long id = alice1.post("message", new JSONObject().put("room", room).put("text", "helo"));
            bobs.awaitJson("message");

            assertEquals("forbidden", ackError(bobs.ack("edit_message", new JSONObject().put("id", id).put("text", "mine now"))));
            assertEquals(403, api.send("PATCH", "/api/messages/" + id, bob.token(), text("mine now")).status());
            assertEquals("not_found", ackError(alice1.ack("edit_message", new JSONObject().put("id", 999_999_999L).put("text", "x"))));
            assertEquals("invalid_payload", ackError(alice1.ack("edit_message", new JSONObject().put("id", id).put("text", "  "))));
            assertEquals("invalid_payload", ackError(alice1.ack("edit_message", new JSONObject().put("text", "no id"))));

            JSONObject edited = ok(alice1.ack("edit_message", new JSONObject().put("id", id).put("text", "hello"))).getJSONObject("message");
            assertEquals("hello", edited.getString("text"));
            assertFalse(edited.isNull("editedAt"));
            for (Sock s : List.of(alice1, alice2, bobs)) {
                JSONObject updated = s.awaitJson("message_updated");
                assertEquals(id, updated.getLong("id"));
                assertEquals("hello", updated.getString("text"));
            }

            Reply rest = api.send("PATCH", "/api/messages/" + id, alice.token(), text("hello, all"));
            assertEquals(200, rest.status(), rest.body());
            assertEquals("hello, all", rest.json().getJsonObject("message").getString("text"));
            for (Sock s : List.of(alice1, alice2, bobs)) assertEquals("hello, all", s.awaitJson("message_updated").getString("text"));

            api.fence(alice, strangers, bobs);
            assertTrue(strangers.noMore("message_updated"), "a non-member hears nothing of the room");
            JsonObject inHistory = api.get("/api/rooms/" + room + "/messages?limit=1", stranger.token()).json()
                    .getJsonArray("messages").getJsonObject(0);
            assertEquals("hello, all", inHistory.getString("text"));
            assertNotNull(inHistory.getString("editedAt"));
        }
    }

    @Test
    void aDeletedMessageStaysInHistoryAsATombstoneAndPagingIsUnchanged(@Registered("del_alice") Login alice, @Registered("del_bob") Login bob) {
        String room = api.roomOf(alice, bob);
        List<Long> ids = api.postMany(alice, room, "m", 5);
        long doomed = ids.get(2);
        api.put("/api/messages/" + doomed + "/reactions/%F0%9F%91%8D", bob.token());
        try (Sock alices = Sock.connect(alice.token(), "polling"); Sock bobs = Sock.connect(bob.token())) {
            assertEquals("forbidden", ackError(bobs.ack("delete_message", new JSONObject().put("id", doomed))));
            assertEquals(403, api.delete("/api/messages/" + doomed, bob.token()).status());
            assertEquals(404, api.delete("/api/messages/999999999", alice.token()).status());
            assertEquals(400, api.delete("/api/messages/abc", alice.token()).status());

            ok(alices.ack("delete_message", new JSONObject().put("id", doomed)));
            for (Sock s : List.of(alices, bobs)) {
                JSONObject deleted = s.awaitJson("message_deleted");
                assertEquals(doomed, deleted.getLong("id"));
                assertEquals(room, deleted.getString("room"));
                assertEquals(alice.username(), deleted.getString("from"));
            }
            assertEquals(204, api.delete("/api/messages/" + doomed, alice.token()).status(), "deleting again changes nothing");
            assertEquals(404, api.send("PATCH", "/api/messages/" + doomed, alice.token(), text("back")).status());
        }
        JsonObject page = api.get("/api/rooms/" + room + "/messages?before=" + ids.get(4) + "&limit=3", bob.token()).json();
        List<Long> got = Api.ids(page.getJsonArray("messages"));
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), got);
        JsonObject tombstone = page.getJsonArray("messages").getJsonObject(1);
        assertTrue(tombstone.getBoolean("deleted"));
        assertEquals("", tombstone.getString("text"));
        assertTrue(tombstone.getJsonArray("reactions").isEmpty());
        assertTrue(page.getBoolean("hasMore"));
    }

    @Test
    void aDirectMessagesChangesReachBothPeopleAndNoThirdParty(@Registered("dc_alice") Login alice, @Registered("dc_bob") Login bob,
            @Registered("dc_eve") Login eve) {
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token(), "polling");
             Sock eves = Sock.connect(eve.token())) {
            long id = api.postDirect(alice, bob.username(), "just us");
            bobs.awaitJson("private_message");
            alices.awaitJson("private_message");
            assertEquals("not_found", ackError(eves.ack("edit_message", new JSONObject().put("id", id).put("text", "x"))));
            assertEquals("not_found", ackError(eves.ack("delete_message", new JSONObject().put("id", id))));
            assertEquals("not_found", ackError(eves.ack("react", new JSONObject().put("id", id).put("emoji", "👍"))));
            assertEquals(404, api.put("/api/messages/" + id + "/reactions/%F0%9F%91%8D", eve.token()).status());

            ok(bobs.ack("react", new JSONObject().put("id", id).put("emoji", "👍")));
            ok(alices.ack("edit_message", new JSONObject().put("id", id).put("text", "just us two")));
            ok(alices.ack("delete_message", new JSONObject().put("id", id)));
            for (Sock s : List.of(alices, bobs)) {
                JSONObject reacted = s.awaitJson("message_updated");
                assertEquals(1, reacted.getJSONArray("reactions").getJSONObject(0).getInt("count"));
                assertEquals("just us two", s.awaitJson("message_updated").getString("text"));
                JSONObject deleted = s.awaitJson("message_deleted");
                assertEquals(bob.username(), deleted.getString("to"));
                assertFalse(deleted.has("room"));
            }
            api.fence(alice, eves);
            assertTrue(eves.noMore("message_updated") && eves.noMore("message_deleted"), "a third party hears nothing of a DM");
        }
    }

    /**
     * Editing and reacting need the standing that posting needs now: a user banned from a public room
     * may neither (and the edit's new mention tells no one), yet still deletes their own message there,
     * which they can see; to a user kicked from a private room its messages do not exist.
     */
    @Test
    void aBannedOrRemovedUserNoLongerEditsOrReactsInTheRoomButDeletesWhatTheyStillSee(@Registered("sd_owner") Login owner,
            @Registered("sd_banned") Login banned, @Registered("sd_kicked") Login kicked, @Registered("sd_watch") Login watcher) {
        String room = api.roomOf(owner, banned, watcher);
        long old = api.postMessage(banned, room, "hello");
        long owners = api.postMessage(owner, room, "rules");
        String hidden = api.createPrivateRoom(owner, "sd_priv");
        api.invite(owner, hidden, kicked);
        api.join(kicked, hidden);
        long kickedsOld = api.postMessage(kicked, hidden, "inside");
        assertEquals(204, api.put("/api/rooms/" + room + "/bans/" + banned.username(), owner.token()).status());
        assertEquals(204, api.delete("/api/rooms/" + hidden + "/members/" + kicked.username(), owner.token()).status());

        try (Sock watchers = Sock.connect(watcher.token()); Sock banneds = Sock.connect(banned.token(), "polling");
             Sock kickeds = Sock.connect(kicked.token())) {
            String mention = "hello @" + watcher.username();
            Reply rest = api.send("PATCH", "/api/messages/" + old, banned.token(), text(mention));
            assertEquals(403, rest.status(), rest.body());
            assertEquals("forbidden", rest.errorCode());
            assertEquals("forbidden", ackError(banneds.ack("edit_message", new JSONObject().put("id", old).put("text", mention))));
            assertEquals(403, api.put("/api/messages/" + owners + "/reactions/%F0%9F%91%8D", banned.token()).status());
            assertEquals("forbidden", ackError(banneds.ack("react", new JSONObject().put("id", owners).put("emoji", "👍"))));
            assertEquals("forbidden", ackError(banneds.ack("unreact", new JSONObject().put("id", owners).put("emoji", "👍"))));

            for (Reply stranger : List.of(api.send("PATCH", "/api/messages/" + kickedsOld, kicked.token(), text("still mine")),
                    api.put("/api/messages/" + kickedsOld + "/reactions/%F0%9F%91%8D", kicked.token()),
                    api.delete("/api/messages/" + kickedsOld, kicked.token()))) {
                assertEquals(404, stranger.status(), stranger.body());
                assertEquals("not_found", stranger.errorCode());
            }
            assertEquals("not_found", ackError(kickeds.ack("edit_message", new JSONObject().put("id", kickedsOld).put("text", "x"))));

            api.fenceNotifications(owner, watchers);
            assertTrue(watchers.noMore("notification"), "a refused edit mentions no one");
            assertTrue(watchers.noMore("message_updated"), "nothing changed");
            JsonObject unchanged = api.get("/api/rooms/" + room + "/messages?limit=2", owner.token()).json()
                    .getJsonArray("messages").getJsonObject(1);
            assertEquals("hello", unchanged.getString("text"));
            assertTrue(unchanged.isNull("editedAt"));
            assertEquals(0, api.room(watcher, room).getInt("mentions"));

            ok(banneds.ack("delete_message", new JSONObject().put("id", old)));
            assertEquals(old, watchers.awaitJson("message_deleted").getLong("id"), "the author deletes what they can still see");
        }
    }
}
