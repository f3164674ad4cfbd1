package dev.parley.messages;

import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Unread counts: the messages from others after the user's read marker, in rooms and direct conversations. */
class ReadMarkersIT {
    private final Api api = Api.server();

    /** A room made by {@code poster}, joined by {@code reader}, with {@code n} messages from {@code poster}. */
    private List<Long> roomWithMessages(Login poster, Login reader, String room, int n) {
        api.join(reader, room);
        return api.postMany(poster, room, "unread ", n);
    }

    private List<Long> directMessages(Login from, Login to, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(api.postDirect(from, to.username(), "dm " + i));
        return ids;
    }

    private static JSONObject read(String key, String value, long upTo) {
        return new JSONObject().put(key, value).put("upTo", upTo);
    }

    @Test
    void aRoomsUnreadCountsTheOtherMembersMessages(@Registered("u_room_a") Login alice, @Registered("u_room_b") Login bob) {
        String room = api.createRoom(alice, "u_room");
        roomWithMessages(alice, bob, room, 3);
        assertEquals(3, api.roomUnread(bob, room));
        assertEquals(0, api.roomUnread(alice, room), "one's own messages are not unread");
    }

    @Test
    void aConversationsUnreadCountsTheOtherUsersMessages(@Registered("u_dm_a") Login alice, @Registered("u_dm_b") Login bob) {
        List<Long> ids = directMessages(alice, bob, 3);
        assertEquals(3, api.conversationUnread(bob, alice.username()));
        assertEquals(0, api.conversationUnread(alice, bob.username()), "one's own messages are not unread");
        assertEquals(ids.get(2), api.conversation(alice, bob.username())
                .getJsonObject("lastMessage").getJsonNumber("id").longValue());
    }

    @Test
    void readingARoomOverRestMovesTheMarkerAndUnreadFollows(@Registered("u_rr_a") Login alice, @Registered("u_rr_b") Login bob) {
        String room = api.createRoom(alice, "u_rr");
        List<Long> ids = roomWithMessages(alice, bob, room, 4);
        api.readRoom(bob, room, ids.get(1));
        assertEquals(2, api.roomUnread(bob, room));
        api.readRoom(bob, room, ids.get(3));
        assertEquals(0, api.roomUnread(bob, room));
        Reply noUpTo = api.post("/api/rooms/" + room + "/read", bob.token(), "{}");
        assertEquals(400, noUpTo.status());
        assertEquals("invalid_payload", noUpTo.errorCode());
    }

    @Test
    void readingARoomOverSocketMovesTheMarkerAndUnreadFollows(@Registered("u_rs_a") Login alice, @Registered("u_rs_b") Login bob) {
        String room = api.createRoom(alice, "u_rs");
        List<Long> ids = roomWithMessages(alice, bob, room, 4);
        try (Sock bobs = Sock.connect(bob.token())) {
            ok(bobs.ack("read", read("room", room, ids.get(0))));
            assertEquals(3, api.roomUnread(bob, room));
            ok(bobs.ack("read", read("room", room, ids.get(3))));
            assertEquals(0, api.roomUnread(bob, room));
        }
    }

    @Test
    void readingAConversationOverRestAndSocketMovesTheMarkerAndUnreadFollows(@Registered("u_rc_a") Login alice, @Registered("u_rc_b") Login bob) {
        List<Long> ids = directMessages(alice, bob, 4);
        api.readConversation(bob, alice.username(), ids.get(0));
        assertEquals(3, api.conversationUnread(bob, alice.username()));
        try (Sock bobs = Sock.connect(bob.token())) {
            ok(bobs.ack("read", read("with", alice.username(), ids.get(2))));
            assertEquals(1, api.conversationUnread(bob, alice.username()));
        }
        api.readConversation(bob, alice.username(), ids.get(3));
        assertEquals(0, api.conversationUnread(bob, alice.username()));
    }

    @Test
    void aReadMarkerNeverMovesBackwards(@Registered("u_back_a") Login alice, @Registered("u_back_b") Login bob) {
        String room = api.createRoom(alice, "u_back");
        List<Long> ids = roomWithMessages(alice, bob, room, 3);
        api.readRoom(bob, room, ids.get(2));
        api.readRoom(bob, room, ids.get(0)); // a stale device catching up
        assertEquals(0, api.roomUnread(bob, room));
    }

    @Test
    void unreadIsKeptAcrossAReconnect(@Registered("u_re_a") Login alice, @Registered("u_re_b") Login bob) {
        String room = api.createRoom(alice, "u_re");
        List<Long> ids = roomWithMessages(alice, bob, room, 4);
        try (Sock first = Sock.connect(bob.token())) {
            ok(first.ack("read", read("room", room, ids.get(1))));
        }
        try (Sock again = Sock.connect(bob.token())) {
            assertEquals(2, api.roomUnread(bob, room));
            api.postMessage(alice, room, "one more");
            JSONObject notification = again.awaitJson("notification");
            assertEquals(room, notification.getString("room"));
            assertEquals(3, notification.getInt("unread"));
        }
    }

    @Test
    void readingOnOneSocketCountsForEverySocketOfTheUser(@Registered("u_all_a") Login alice, @Registered("u_all_b") Login bob) {
        String room = api.roomOf(alice, bob);
        try (Sock reading = Sock.connect(bob.token()); Sock other = Sock.connect(bob.token(), "polling")) {
            long last = 0;
            for (int i = 1; i <= 3; i++) {
                last = api.postMessage(alice, room, "n" + i);
                assertEquals(i, other.awaitJson("notification").getInt("unread"));
            }
            ok(reading.ack("read", read("room", room, last)));
            assertEquals(0, api.roomUnread(bob, room));
            api.postMessage(alice, room, "after reading");
            assertEquals(1, other.awaitJson("notification").getInt("unread"));
        }
    }
}
