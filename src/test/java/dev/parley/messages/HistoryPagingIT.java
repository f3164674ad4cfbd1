package dev.parley.messages;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * History pages of rooms and direct conversations, over REST and the {@code history} event. The
 * messages are posted over REST: a socket may send only 20 events in a burst.
 */
class HistoryPagingIT {
    private static final int COUNT = 25;
    private final Api api = Api.server();

    /** One page as REST and the {@code history} event both give it. */
    private record Page(List<Long> ids, boolean hasMore) {
    }

    /**
     * Walks the whole history one page at a time, checking each REST page against the socket's, and
     * returns the ids in the order walked. {@code key} is {@code room} or {@code with}.
     */
    private List<Long> walk(Login reader, Sock sock, String key, String value, boolean backwards, int limit) {
        String path = key.equals("room") ? "/api/rooms/" + value + "/messages" : "/api/conversations/" + value + "/messages";
        List<Long> walked = new ArrayList<>();
        Long cursor = backwards ? null : 0L;
        for (int pages = 1; ; pages++) {
            String query = "?limit=" + limit + (cursor == null ? "" : (backwards ? "&before=" : "&after=") + cursor);
            Reply reply = api.get(path + query, reader.token());
            assertEquals(200, reply.status(), reply.body());
            Page rest = new Page(Api.ids(reply.json().getJsonArray("messages")), reply.json().getBoolean("hasMore"));
            JSONObject ask = new JSONObject().put(key, value).put("limit", limit);
            if (cursor != null) ask.put(backwards ? "before" : "after", cursor);
            JSONObject ack = ok(sock.ack("history", ask));
            assertEquals(rest, new Page(Sock.ids(ack.getJSONArray("messages")), ack.getBoolean("hasMore")), "page after " + walked);
            assertTrue(rest.ids().size() <= limit && !rest.ids().isEmpty(), rest.toString());
            walked.addAll(rest.ids());
            if (!rest.hasMore()) break;
            assertEquals(limit, rest.ids().size(), "a page that is not the last is full");
            cursor = rest.ids().get(rest.ids().size() - 1);
            assertTrue(pages <= COUNT, "paging does not end");
        }
        return walked;
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void aRoomPagesBackwardsNewestFirstWithoutGapsOrRepeats(@Registered("h_rb") Login alice) {
        String room = api.createRoom(alice, "h_rb");
        List<Long> posted = api.postMany(alice, room, "m", COUNT);
        try (Sock sock = Sock.connect(alice.token())) {
            // 25 in pages of 5: the last page is full and is the one with hasMore false
            assertEquals(reversed(posted), walk(alice, sock, "room", room, true, 5));
        }
    }

    @Test
    void aRoomPagesForwardsOldestFirstWithoutGapsOrRepeats(@Registered("h_rf") Login alice) {
        String room = api.createRoom(alice, "h_rf");
        List<Long> posted = api.postMany(alice, room, "m", COUNT);
        try (Sock sock = Sock.connect(alice.token())) {
            assertEquals(posted, walk(alice, sock, "room", room, false, 7));
        }
    }

    @Test
    void aRoomPageHoldsTheRoomsMessagesInFull(@Registered("h_full") Login alice) {
        String room = api.createRoom(alice, "h_full");
        List<Long> posted = api.postMany(alice, room, "text ", 3);
        JsonObject page = api.get("/api/rooms/" + room + "/messages?after=0&limit=3", alice.token()).json();
        List<JsonObject> messages = page.getJsonArray("messages").getValuesAs(JsonObject.class);
        for (int i = 0; i < 3; i++) {
            JsonObject m = messages.get(i);
            assertEquals(posted.get(i), m.getJsonNumber("id").longValue());
            assertEquals(room, m.getString("room"));
            assertTrue(m.isNull("to"));
            assertEquals(alice.username(), m.getString("from"));
            assertEquals("text " + i, m.getString("text"));
        }
        assertEquals(false, page.getBoolean("hasMore"));
    }

    /** 25 messages between two users, each sending in turn; the ids in order. */
    private List<Long> converse(Login alice, Login bob) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            boolean fromAlice = i % 2 == 0;
            ids.add(api.postDirect(fromAlice ? alice : bob, (fromAlice ? bob : alice).username(), "c" + i));
        }
        return ids;
    }

    @Test
    void aConversationPagesBackwardsTheSameForBothUsers(@Registered("h_cb_a") Login alice, @Registered("h_cb_b") Login bob) {
        List<Long> posted = converse(alice, bob);
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token())) {
            assertEquals(reversed(posted), walk(alice, alices, "with", bob.username(), true, 7));
            assertEquals(reversed(posted), walk(bob, bobs, "with", alice.username(), true, 7));
        }
    }

    @Test
    void aConversationPagesForwardsTheSameForBothUsers(@Registered("h_cf_a") Login alice, @Registered("h_cf_b") Login bob) {
        List<Long> posted = converse(alice, bob);
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token())) {
            assertEquals(posted, walk(alice, alices, "with", bob.username(), false, 5));
            assertEquals(posted, walk(bob, bobs, "with", alice.username(), false, 5));
        }
    }

    @Test
    void aConversationWithNoMessagesYetIsAnEmptyPage(@Registered("h_empty_a") Login alice, @Registered("h_empty_b") Login bob) {
        Reply reply = api.get("/api/conversations/" + bob.username() + "/messages", alice.token());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(0, reply.json().getJsonArray("messages").size());
        assertEquals(false, reply.json().getBoolean("hasMore"));
        Reply nobody = api.get("/api/conversations/" + Api.uniqueName("h_nobody") + "/messages", alice.token());
        assertEquals(404, nobody.status());
        assertEquals("not_found", nobody.errorCode());
    }

    @Test
    void aLimitOutside1To200IsInvalidPayload(@Registered("h_lim_a") Login alice, @Registered("h_lim_b") Login bob) {
        String room = api.createRoom(alice, "h_lim");
        api.postDirect(alice, bob.username(), "hi");
        String roomPath = "/api/rooms/" + room + "/messages";
        String withPath = "/api/conversations/" + bob.username() + "/messages";
        for (String path : List.of(roomPath, withPath)) {
            for (String limit : List.of("0", "-1", "201")) {
                Reply reply = api.get(path + "?limit=" + limit, alice.token());
                assertEquals(400, reply.status(), path + " limit " + limit);
                assertEquals("invalid_payload", reply.errorCode());
            }
            for (String limit : List.of("1", "200")) assertEquals(200, api.get(path + "?limit=" + limit, alice.token()).status());
        }
        try (Sock sock = Sock.connect(alice.token())) {
            assertEquals("invalid_payload", ackError(sock.ack("history", new JSONObject().put("room", room).put("limit", 0))));
            assertEquals("invalid_payload", ackError(sock.ack("history", new JSONObject().put("with", bob.username()).put("limit", 201))));
        }
    }

    @Test
    void aPublicRoomsHistoryIsReadableByNonMembersWhoCannotMarkItRead(@Registered("h_nm_a") Login alice, @Registered("h_nm_o") Login outsider) {
        String room = api.createRoom(alice, "h_nm");
        long id = api.postMessage(alice, room, "anyone may look");
        Reply reply = api.get("/api/rooms/" + room + "/messages", outsider.token());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of(id), Api.ids(reply.json().getJsonArray("messages")));
        try (Sock sock = Sock.connect(outsider.token())) {
            assertEquals(List.of(id), Sock.ids(ok(sock.ack("history", new JSONObject().put("room", room))).getJSONArray("messages")));
        }
        Reply read = api.post("/api/rooms/" + room + "/read", outsider.token(), "{\"upTo\":" + id + "}");
        assertEquals(403, read.status(), read.body());
        assertEquals("forbidden", read.errorCode());
    }
}
