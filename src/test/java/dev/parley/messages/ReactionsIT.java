package dev.parley.messages;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Reactions: one per user per emoji, counted, at most 20 names shown, validated, over both protocols. */
class ReactionsIT {
    private final Api api = Api.server();

    private static String path(long id, String emoji) {
        return "/api/messages/" + id + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonArray reactions(Login reader, String room, long id) {
        for (JsonObject m : api.get("/api/rooms/" + room + "/messages?before=" + (id + 1) + "&limit=1", reader.token()).json()
                .getJsonArray("messages").getValuesAs(JsonObject.class)) {
            if (m.getJsonNumber("id").longValue() == id) return m.getJsonArray("reactions");
        }
        throw new AssertionError("message " + id + " not in history");
    }

    @Test
    void reactingIsIdempotentEvenConcurrentlyAndCountsEachUserOnce(@Registered("re_alice") Login alice, @Registered("re_bob") Login bob) {
        String room = api.roomOf(alice, bob);
        long id = api.postMessage(alice, room, "react to me");
        List<CompletableFuture<Integer>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) puts.add(CompletableFuture.supplyAsync(() -> api.put(path(id, "👍"), bob.token()).status()));
        puts.forEach(p -> assertEquals(204, p.join()));
        try (Sock alices = Sock.connect(alice.token(), "polling")) {
            ok(alices.ack("react", new JSONObject().put("id", id).put("emoji", "👍")));
            JSONObject updated = alices.awaitJson("message_updated");
            assertEquals(2, updated.getJSONArray("reactions").getJSONObject(0).getInt("count"));
            ok(alices.ack("react", new JSONObject().put("id", id).put("emoji", ":tada:")));
            assertEquals(2, alices.awaitJson("message_updated").getJSONArray("reactions").length());
            ok(alices.ack("unreact", new JSONObject().put("id", id).put("emoji", ":tada:")));
            assertEquals(1, alices.awaitJson("message_updated").getJSONArray("reactions").length());
            ok(alices.ack("unreact", new JSONObject().put("id", id).put("emoji", ":tada:"))); // not there: nothing changes
        }
        JsonArray reactions = reactions(alice, room, id);
        assertEquals(1, reactions.size());
        JsonObject thumbs = reactions.getJsonObject(0);
        assertEquals("👍", thumbs.getString("emoji"));
        assertEquals(2, thumbs.getInt("count"));
        assertEquals(List.of(bob.username(), alice.username()), thumbs.getJsonArray("users").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(204, api.delete(path(id, "👍"), bob.token()).status());
        assertEquals(204, api.delete(path(id, "👍"), bob.token()).status());
        assertEquals(1, reactions(alice, room, id).getJsonObject(0).getInt("count"));
    }

    @Test
    void aBadEmojiIsInvalidAndChangesNothing(@Registered("rb_alice") Login alice) {
        String room = api.roomOf(alice);
        long id = api.postMessage(alice, room, "hi");
        for (String bad : List.of("a", "👍👍", ":nope:", "<b>", "1")) {
            var reply = api.put(path(id, bad), alice.token());
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        try (Sock s = Sock.connect(alice.token())) {
            assertEquals("invalid_payload", ackError(s.ack("react", new JSONObject().put("id", id).put("emoji", "xx"))));
            assertEquals("invalid_payload", ackError(s.ack("react", new JSONObject().put("id", id))));
            assertEquals("not_found", ackError(s.ack("react", new JSONObject().put("id", 999_999_999L).put("emoji", "👍"))));
        }
        assertTrue(reactions(alice, room, id).isEmpty());
    }

    @Test
    void onlyMembersReactToARoomsMessages(@Registered("rm_alice") Login alice, @Registered("rm_out") Login outsider) {
        String room = api.roomOf(alice);
        long id = api.postMessage(alice, room, "members only");
        assertEquals(403, api.put(path(id, "👍"), outsider.token()).status());
        assertTrue(reactions(alice, room, id).isEmpty());
    }

    @Test
    void atMostTwentyUsernamesAreListedButAllAreCounted(@Registered("rc_alice") Login alice) {
        long id = api.postMessage(alice, "feed", "popular");
        for (int i = 0; i < 22; i++) {
            Login fan = api.guest("rc_fan");
            assertEquals(204, api.put(path(id, "❤️"), fan.token()).status());
        }
        JsonObject heart = reactions(alice, "feed", id).getJsonObject(0);
        assertEquals(22, heart.getInt("count"));
        assertEquals(20, heart.getJsonArray("users").size());
    }
}
