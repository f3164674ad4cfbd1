package dev.parley.messages;

import static dev.parley.support.Chat.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Chat;
import dev.parley.support.Sock;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Mentions: listed on the message, notified to those who can read it (never the sender), counted per room until read. */
class MentionsIT {
    private final Api api = Api.server();

    @Test
    void aMentionInARoomNotifiesTheMemberAndIsCountedUntilRead() {
        Login alice = api.registerAndLogin("mn_alice");
        Login bob = api.registerAndLogin("mn_bob");
        Login outsider = api.registerAndLogin("mn_out");
        String room = Chat.roomOf(api, alice, bob);
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
            long plain = Chat.post(api, alice, room, "no mention");
            assertEquals("message", bobs.awaitJson("notification").getString("kind"));
            Chat.fence(api, bob, outsiders);
            assertTrue(outsiders.noMore("notification"), "a non-member is not mentioned in a room");
            assertTrue(alices.noMore("notification"), "the sender is never notified");
            assertEquals(1, Chat.room(api, bob, room).getInt("mentions"));
            assertEquals(0, Chat.room(api, alice, room).getInt("mentions"));
            Chat.readRoom(api, bob, room, plain);
            assertEquals(0, Chat.room(api, bob, room).getInt("mentions"));
        }
    }

    @Test
    void aMentionInTheFeedNotifiesEvenWhileAnotherSocketShowsTheFeedButNotTheFocusedOne() {
        Login alice = api.registerAndLogin("mf_alice");
        Login bob = api.registerAndLogin("mf_bob");
        try (Sock showing = Sock.connect(bob.token()); Sock elsewhere = Sock.connect(bob.token(), "polling")) {
            ok(showing.ack("focus", new JSONObject().put("room", "feed")));
            long id = Chat.post(api, alice, "feed", "hey @" + bob.username());
            JSONObject note = elsewhere.awaitJson("notification");
            assertEquals("mention", note.getString("kind"));
            assertEquals("feed", note.getString("room"));
            assertEquals(id, note.getLong("messageId"));
            long later = Chat.post(api, alice, "feed", "after");
            while (showing.awaitJson("message").getLong("id") != later) {
                // the mention and other feed traffic
            }
            assertTrue(showing.noMore("notification"), "not to a socket focused on the feed");
        }
    }

    @Test
    void aDirectMessageMentionsOnlyItsRecipientNeverAThirdParty() {
        Login alice = api.registerAndLogin("md_alice");
        Login bob = api.registerAndLogin("md_bob");
        Login carol = api.registerAndLogin("md_carol");
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
            Chat.fence(api, bob, carols);
            assertTrue(carols.noMore("notification"), "a third party is never told of a DM");
        }
    }
}
