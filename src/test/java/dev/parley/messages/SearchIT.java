package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Search over what the caller may read: rooms and their own conversations, newest first, paged by before. */
class SearchIT {
    private final Api api = Api.server();

    private Reply search(Login who, String query) {
        return api.get("/api/search?" + query, who.token());
    }

    private static String q(String q) {
        return "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void findsRoomsAndOwnConversationsButNeverAnotherPairsNorDeletedMessages(@Registered("se_alice") Login alice, @Registered("se_bob") Login bob,
            @Registered("se_carol") Login carol) {
        String room = api.roomOf(bob);
        String w = word();
        long inRoom = api.postMessage(bob, room, "a note about " + w + " in a room");
        long toAlice = api.postDirect(bob, alice.username(), "Just for you: " + w.toUpperCase());
        long between = api.postDirect(bob, carol.username(), "between bob and carol " + w);
        long gone = api.postMessage(bob, room, "deleted " + w);
        assertEquals(204, api.delete("/api/messages/" + gone, bob.token()).status());

        Reply found = search(alice, q(w));
        assertEquals(200, found.status(), found.body());
        assertEquals(List.of(toAlice, inRoom), Api.ids(found.json().getJsonArray("messages")));
        assertFalse(found.json().getBoolean("hasMore"));
        assertEquals(List.of(between, inRoom), Api.ids(search(carol, q(w)).json().getJsonArray("messages")));
        assertEquals(List.of(inRoom), Api.ids(search(alice, q(w) + "&room=" + room).json().getJsonArray("messages")));
        assertEquals(List.of(toAlice), Api.ids(search(alice, q(w) + "&with=" + bob.username()).json().getJsonArray("messages")));
        assertEquals(List.of(), Api.ids(search(alice, q(w) + "&with=" + carol.username()).json().getJsonArray("messages")));
        JsonObject hit = search(alice, q(w) + "&room=" + room).json().getJsonArray("messages").getJsonObject(0);
        assertEquals(room, hit.getString("room"));
        assertEquals(bob.username(), hit.getString("from"));
    }

    @Test
    void pagesNewestFirstByBeforeAndUnderstandsExclusions(@Registered("sp_alice") Login alice) {
        String room = api.roomOf(alice);
        String w = word();
        List<Long> ids = api.postMany(alice, room, w + " number ", 5);
        long excluded = api.postMessage(alice, room, w + " but skipme");
        Reply first = search(alice, q(w) + "&limit=2");
        assertEquals(List.of(excluded, ids.get(4)), Api.ids(first.json().getJsonArray("messages")));
        assertTrue(first.json().getBoolean("hasMore"));
        Reply next = search(alice, q(w) + "&limit=2&before=" + ids.get(4));
        assertEquals(List.of(ids.get(3), ids.get(2)), Api.ids(next.json().getJsonArray("messages")));
        assertEquals(List.of(ids.get(4), ids.get(3)),
                Api.ids(search(alice, q(w + " -skipme") + "&limit=2").json().getJsonArray("messages")));
    }

    @Test
    void badQueriesAreInvalid(@Registered("sb_alice") Login alice) {
        for (String bad : List.of("", "q=", "q=%20%20", q("x".repeat(201)), q("word") + "&limit=0", q("word") + "&limit=101",
                q("word") + "&limit=ten", q("word") + "&before=x", q("word") + "&room=a&with=b", q("word") + "&room=NOT%20A%20ROOM")) {
            Reply reply = search(alice, bad);
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        assertEquals(404, search(alice, q("word") + "&room=no-such-room-" + word()).status());
        assertEquals(404, search(alice, q("word") + "&with=nobody_" + word()).status());
        assertEquals(401, api.get("/api/search?" + q("word"), null).status());
    }
}
