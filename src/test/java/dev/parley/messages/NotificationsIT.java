package dev.parley.messages;

import static dev.parley.support.Sock.dm;
import static dev.parley.support.Sock.ok;
import static dev.parley.support.Sock.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * {@code notification}: for room messages (not the feed) and direct messages, to the recipients'
 * sockets except the sender's and those focused on that conversation. An absent notification is
 * shown by order: a later one that must arrive comes first.
 */
class NotificationsIT {
    private final Api api = Api.server();

    private static void assertRoomNotification(JSONObject n, String room, String from, String preview, int unread) {
        assertEquals("message", n.getString("kind"), n.toString());
        assertEquals(room, n.getString("room"), n.toString());
        assertTrue(n.getLong("messageId") > 0, n.toString());
        assertEquals(from, n.getString("from"), n.toString());
        assertEquals(preview, n.getString("preview"), n.toString());
        assertEquals(unread, n.getInt("unread"), n.toString());
    }

    private static void assertDirectNotification(JSONObject n, String from, String preview, int unread) {
        assertEquals("private_message", n.getString("kind"), n.toString());
        assertEquals(from, n.getString("from"), n.toString());
        assertEquals(preview, n.getString("preview"), n.toString());
        assertEquals(unread, n.getInt("unread"), n.toString());
    }

    @Test
    void aRoomMessageNotifiesEverySocketOfTheOtherMembers(@Registered("n_room_a") Login alice, @Registered("n_room_b") Login bob) {
        String room = api.roomOf(alice, bob);
        try (Sock alices = Sock.connect(alice.token());
             Sock bobsPhone = Sock.connect(bob.token());
             Sock bobsLaptop = Sock.connect(bob.token(), "polling")) {
            ok(alices.ack("message", say(room, "hello room")));
            ok(alices.ack("message", say(room, "anyone?")));
            for (Sock sock : List.of(bobsPhone, bobsLaptop)) {
                assertRoomNotification(sock.awaitJson("notification"), room, alice.username(), "hello room", 1);
                assertRoomNotification(sock.awaitJson("notification"), room, alice.username(), "anyone?", 2);
            }
        }
    }

    @Test
    void theSendersSocketsAreNotNotified(@Registered("n_self_a") Login alice, @Registered("n_self_b") Login bob) {
        String room = api.roomOf(alice, bob);
        try (Sock sending = Sock.connect(alice.token());
             Sock alicesOther = Sock.connect(alice.token(), "polling");
             Sock bobs = Sock.connect(bob.token())) {
            ok(sending.ack("message", say(room, "from alice")));
            ok(sending.ack("private_message", dm(bob.username(), "also from alice")));
            ok(bobs.ack("message", say(room, "from bob")));
            for (Sock sock : List.of(sending, alicesOther)) {
                assertRoomNotification(sock.awaitJson("notification"), room, bob.username(), "from bob", 1);
            }
        }
    }

    @Test
    void onlyTheRoomsMembersAreNotified(@Registered("n_only_a") Login alice, @Registered("n_only_o") Login outsider) {
        String room = api.createRoom(alice, "n_only");
        String theirs = api.roomOf(outsider, alice);
        try (Sock outsiders = Sock.connect(outsider.token())) {
            api.postMessage(alice, room, "not for outsiders");
            api.postMessage(alice, theirs, "for the outsider");
            assertRoomNotification(outsiders.awaitJson("notification"), theirs, alice.username(), "for the outsider", 1);
        }
    }

    @Test
    void aSocketFocusedOnARoomIsNotNotifiedForThatRoomUntilItsFocusIsCleared(@Registered("n_foc_a") Login alice, @Registered("n_foc_b") Login bob) {
        String focused = api.createRoom(alice, "n_foc");
        String elsewhere = api.createRoom(alice, "n_else");
        api.join(bob, focused);
        api.join(bob, elsewhere);
        try (Sock looking = Sock.connect(bob.token()); Sock unfocused = Sock.connect(bob.token(), "polling")) {
            ok(looking.ack("focus", new JSONObject().put("room", focused)));
            long id = api.postMessage(alice, focused, "you are looking at me");
            assertEquals(id, looking.awaitJson("message").getLong("id"), "the focused socket still gets the message");
            assertRoomNotification(unfocused.awaitJson("notification"), focused, alice.username(), "you are looking at me", 1);

            api.postMessage(alice, elsewhere, "meanwhile elsewhere");
            assertRoomNotification(looking.awaitJson("notification"), elsewhere, alice.username(), "meanwhile elsewhere", 1);

            ok(looking.ack("focus", new JSONObject()));
            api.postMessage(alice, focused, "now you are not");
            // focusing does not read: the first message is still unread
            assertRoomNotification(looking.awaitJson("notification"), focused, alice.username(), "now you are not", 2);
        }
    }

    @Test
    void aDirectMessageNotifiesTheRecipientsSocketsNotFocusedOnTheSender(@Registered("n_dm_a") Login alice, @Registered("n_dm_b") Login bob,
            @Registered("n_dm_c") Login carol) {
        try (Sock alices = Sock.connect(alice.token());
             Sock looking = Sock.connect(bob.token());
             Sock unfocused = Sock.connect(bob.token(), "polling")) {
            ok(looking.ack("focus", new JSONObject().put("with", alice.username())));
            long id = alices.post("private_message", dm(bob.username(), "just you"));
            looking.awaitPrivateMessage(id);
            JSONObject first = unfocused.awaitJson("notification");
            assertDirectNotification(first, alice.username(), "just you", 1);
            assertEquals(alice.username(), first.getString("with"), "the other party of the conversation");
            assertEquals(id, first.getLong("messageId"));
            api.postDirect(alice, bob.username(), "and again");
            assertDirectNotification(unfocused.awaitJson("notification"), alice.username(), "and again", 2);

            api.postDirect(carol, bob.username(), "hi from carol");
            assertDirectNotification(looking.awaitJson("notification"), carol.username(), "hi from carol", 1);
        }
    }

    @Test
    void feedMessagesNotifyNoOne(@Registered("n_feed_a") Login alice, @Registered("n_feed_b") Login bob) {
        String room = api.roomOf(alice, bob);
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token())) {
            ok(alices.ack("message", say("feed", "on the feed")));
            ok(alices.ack("message", "a bare feed message"));
            ok(alices.ack("message", say(room, "in the room")));
            assertRoomNotification(bobs.awaitJson("notification"), room, alice.username(), "in the room", 1);
        }
    }
}
