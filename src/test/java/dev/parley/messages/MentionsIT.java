package dev.parley.messages;

import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Mentions: listed on the message, notified to those who can read it (never the sender), counted per room until read. */
class MentionsIT {
    private final Api api = Api.server();

    @Test
    void aMentionInARoomNotifiesTheMemberAndIsCountedUntilRead(@Registered("mn_alice") Login alice, @Registered("mn_bob") Login bob,
            @Registered("mn_out") Login outsider) {
        String room = api.roomOf(alice, bob);
        try (Sock bobs = Sock.connect(bob.token(), "polling"); Sock alices = Sock.connect(alice.token());
             Sock outsiders = Sock.connect(outsider.token())) {
            JSONObject message = ok(alices.ack("message", new JSONObject().put("room", room)
                    .put("text", "@" + bob.username().toUpperCase() + " and @" + outsider.username() + " and @" + alice.username() + ", look")))
                    .getJSONObject("message");
            assertEquals(List.of(bob.username()), message.getJSONArray("mentions").toList());
            JSONObject note = bobs.awaitJson("notification");
            assertEquals("mention", note.getString("kind"));
            assertEquals(room, note.getString("room"));
            assertEquals(message.getLong("id"), note.getLong("messageId"));
            long plain = api.postMessage(alice, room, "no mention");
            assertEquals("message", bobs.awaitJson("notification").getString("kind"));
            api.fenceNotifications(bob, outsiders, alices);
            assertTrue(outsiders.noMore("notification"), "a non-member is not mentioned in a room");
            assertTrue(alices.noMore("notification"), "the sender is never notified");
            assertEquals(1, api.room(bob, room).getInt("mentions"));
            assertEquals(0, api.room(alice, room).getInt("mentions"));
            api.readRoom(bob, room, plain);
            assertEquals(0, api.room(bob, room).getInt("mentions"));
        }
    }

    @Test
    void aMentionInTheFeedNotifiesEvenWhileAnotherSocketShowsTheFeedButNotTheFocusedOne(@Registered("mf_alice") Login alice,
            @Registered("mf_bob") Login bob) {
        try (Sock showing = Sock.connect(bob.token()); Sock elsewhere = Sock.connect(bob.token(), "polling")) {
            ok(showing.ack("focus", new JSONObject().put("room", "feed")));
            long id = api.postMessage(alice, "feed", "hey @" + bob.username());
            JSONObject note = elsewhere.awaitJson("notification");
            assertEquals("mention", note.getString("kind"));
            assertEquals("feed", note.getString("room"));
            assertEquals(id, note.getLong("messageId"));
            api.fenceNotifications(alice, showing);
            assertTrue(showing.noMore("notification"), "not to a socket focused on the feed");
        }
    }

    @Test
    void aDirectMessageMentionsOnlyItsRecipientNeverAThirdParty(@Registered("md_alice") Login alice, @Registered("md_bob") Login bob,
            @Registered("md_carol") Login carol) {
        try (Sock bobs = Sock.connect(bob.token()); Sock carols = Sock.connect(carol.token())) {
            JSONObject sent;
            try (Sock alices = Sock.connect(alice.token())) {
                sent = ok(alices.ack("private_message", new JSONObject().put("to", bob.username())
                        .put("text", "@" + bob.username() + " did @" + carol.username() + " see it?"))).getJSONObject("message");
            }
            assertEquals(List.of(bob.username()), sent.getJSONArray("mentions").toList());
            JSONObject note = bobs.awaitJson("notification");
            assertEquals("mention", note.getString("kind"));
            assertEquals(alice.username(), note.getString("with"));
            api.fenceNotifications(bob, carols);
            assertTrue(carols.noMore("notification"), "a third party is never told of a DM");
        }
    }

    @Test
    void anEditThatAddsAMentionNotifiesOnlyTheNewlyMentionedOverBothProtocols(@Registered("me_alice") Login alice, @Registered("me_bob") Login bob,
            @Registered("me_carol") Login carol) {
        String room = api.roomOf(alice, bob, carol);
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token(), "polling");
             Sock carols = Sock.connect(carol.token())) {
            long id = ok(alices.ack("message", new JSONObject().put("room", room).put("text", "hi @" + bob.username())))
                    .getJSONObject("message").getLong("id");
            assertEquals("mention", bobs.awaitJson("notification").getString("kind"));
            assertEquals("message", carols.awaitJson("notification").getString("kind"));

            JSONObject edited = ok(alices.ack("edit_message", new JSONObject().put("id", id)
                    .put("text", "hi @" + bob.username() + " and @" + carol.username()))).getJSONObject("message");
            assertEquals(List.of(bob.username(), carol.username()), edited.getJSONArray("mentions").toList());
            JSONObject note = carols.awaitJson("notification");
            assertEquals("mention", note.getString("kind"));
            assertEquals(room, note.getString("room"));
            assertEquals(alice.username(), note.getString("from"));
            assertEquals(id, note.getLong("messageId"));
            assertEquals(1, api.room(carol, room).getInt("mentions"));
            assertEquals(1, api.room(bob, room).getInt("mentions"), "one message, one mention, edited or not");

            // Over REST: an edit that drops carol and names bob again tells no one; re-adding carol tells her again.
            assertEquals(200, api.send("PATCH", "/api/messages/" + id, alice.token(), body("only @" + bob.username())).status());
            assertEquals(0, api.room(carol, room).getInt("mentions"));
            assertEquals(200, api.send("PATCH", "/api/messages/" + id, alice.token(),
                    body("@" + carol.username() + " again, @" + alice.username())).status());
            assertEquals("mention", carols.awaitJson("notification").getString("kind"));
            api.fenceNotifications(bob, alices, bobs);
            assertTrue(bobs.noMore("notification"), "bob was mentioned before the edits: not notified again");
            assertTrue(alices.noMore("notification"), "the author is never notified");
            assertEquals(0, api.room(bob, room).getInt("mentions"));
            assertEquals(1, api.room(carol, room).getInt("mentions"));
        }
    }

    @Test
    void anEditThatMentionsTheRecipientOfADirectMessageNotifiesThem(@Registered("mde_alice") Login alice, @Registered("mde_bob") Login bob) {
        try (Sock bobs = Sock.connect(bob.token())) {
            long id = api.postDirect(alice, bob.username(), "see this");
            assertEquals("private_message", bobs.awaitJson("notification").getString("kind"));
            assertEquals(200, api.send("PATCH", "/api/messages/" + id, alice.token(), body("see this, @" + bob.username())).status());
            JSONObject note = bobs.awaitJson("notification");
            assertEquals("mention", note.getString("kind"));
            assertEquals(alice.username(), note.getString("with"));
            assertEquals(id, note.getLong("messageId"));
        }
    }

    @Test
    void aResentClientMsgIdIsAckedWithTheMessageAsItIsNowOverBothProtocols(@Registered("mr_alice") Login alice, @Registered("mr_bob") Login bob) {
        String room = api.roomOf(alice, bob);
        long earlier = api.postMessage(bob, room, "a question");
        try (Sock alices = Sock.connect(alice.token(), "polling")) {
            JSONObject payload = new JSONObject().put("room", room).put("text", "@" + bob.username() + " an answer")
                    .put("replyTo", earlier).put("clientMsgId", "mr-" + UUID.randomUUID());
            JSONObject first = ok(alices.ack("message", payload)).getJSONObject("message");
            assertEquals(List.of(bob.username()), first.getJSONArray("mentions").toList());
            JSONObject again = ok(alices.ack("message", payload)).getJSONObject("message");
            assertEquals(first.toMap(), again.toMap(), "the resend's ack is the first ack's message");

            long id = first.getLong("id");
            assertEquals(204, api.put("/api/messages/" + id + "/reactions/%F0%9F%91%8D", bob.token()).status());
            JSONObject reacted = ok(alices.ack("message", payload)).getJSONObject("message");
            assertEquals(earlier, reacted.getLong("replyTo"));
            assertEquals(List.of(bob.username()), reacted.getJSONArray("mentions").toList());
            assertEquals(1, reacted.getJSONArray("reactions").getJSONObject(0).getLong("count"));

            String body = new JSONObject(payload.toMap()).put("room", (Object) null).toString(); // no room in a REST body
            JsonObject rest = api.post("/api/rooms/" + room + "/messages", alice.token(), body).json().getJsonObject("message");
            assertEquals(id, rest.getJsonNumber("id").longValue());
            assertEquals(earlier, rest.getJsonNumber("replyTo").longValue());
            assertEquals(bob.username(), rest.getJsonArray("mentions").getString(0));
            assertEquals(1, rest.getJsonArray("reactions").getJsonObject(0).getInt("count"));
        }
    }

    private static String body(String text) {
        return new JSONObject().put("text", text).toString();
    }
}
