package dev.parley.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.TestDatabase;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A user's data export and an admin's export of a room, against the server the build started: each
 * part there, the caller's own messages only, no secret anywhere in the body, long histories whole
 * and in order (streamed a page at a time), and who may ask.
 */
class ExportIT {
    private final Api api = Api.server();

    @Test
    void theExportHoldsEveryPartAndTheCallersOwnMessagesButNoSecret(@Registered("ex_alice") Login alice,
                                                                    @Registered("ex_bob") Login bob,
                                                                    @Guest("ex_mal") Login mallory) throws Exception {
        String room = api.createRoom(alice, "exported");
        String inRoom = "alice in the room " + Api.uniqueName("t");
        String toBob = "alice to bob " + Api.uniqueName("t");
        String fromBob = "bob to alice, bob's own " + Api.uniqueName("t");
        long roomMessage = api.postMessage(alice, room, inRoom);
        long direct = api.postDirect(alice, bob.username(), toBob);
        api.postDirect(bob, alice.username(), fromBob);
        assertEquals(204, api.put("/api/users/me/blocks/" + mallory.username(), alice.token()).status());
        String token = api.post("/api/users/me/tokens", alice.token(), Api.json("name", "backup script")).json().getString("token");
        String bot = Api.uniqueName("exbot");
        assertEquals(201, api.post("/api/bots", alice.token(), Api.json("username", bot)).status());

        Reply reply = api.get("/api/users/me/export", alice.token());
        assertEquals(200, reply.status(), reply.body());
        assertEquals("attachment; filename=\"parley-export-" + alice.username() + ".json\"",
                reply.response().headers().firstValue("Content-Disposition").orElse(null));
        JsonObject export = reply.json();
        assertEquals(Set.of("account", "sessions", "rooms", "blocks", "tokens", "bots", "messages"), export.keySet());

        JsonObject account = export.getJsonObject("account");
        assertEquals(alice.username(), account.getString("username"));
        assertTrue(account.containsKey("createdAt"));
        assertTrue(export.getJsonArray("sessions").stream().map(JsonValue::asJsonObject)
                .anyMatch(s -> s.getString("id").equals(alice.sessionId()) && s.getBoolean("current")), "the live session that asked");
        JsonObject exportedRoom = find(export.getJsonArray("rooms"), "name", room);
        assertEquals("owner", exportedRoom.getString("role"));
        find(export.getJsonArray("rooms"), "name", "feed");
        find(export.getJsonArray("blocks"), "username", mallory.username());
        JsonObject tokenInfo = find(export.getJsonArray("tokens"), "name", "backup script");
        assertEquals(Set.of("id", "name", "createdAt", "expiresAt", "lastUsedAt"), tokenInfo.keySet());
        assertTrue(find(export.getJsonArray("bots"), "username", bot).getBoolean("bot"));

        JsonArray messages = export.getJsonArray("messages");
        JsonObject written = find(messages, "text", inRoom);
        assertEquals(roomMessage, written.getJsonNumber("id").longValue());
        assertEquals(room, written.getString("room"));
        assertTrue(written.isNull("to"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, written.getJsonArray("files"));
        JsonObject dm = find(messages, "text", toBob);
        assertEquals(direct, dm.getJsonNumber("id").longValue());
        assertEquals(bob.username(), dm.getString("to"));
        assertTrue(dm.isNull("room"));
        assertEquals(2, messages.size(), "only what alice wrote");

        String raw = reply.body();
        assertFalse(raw.contains(fromBob), "the other side of a conversation is bob's");
        assertFalse(raw.contains(token), "no token");
        String tokenHash = TestDatabase.queryString("SELECT token_hash FROM sessions WHERE name = 'backup script' AND user_id = "
                + account.getJsonNumber("id").longValue());
        assertFalse(raw.contains(tokenHash), "no token hash");
        String passwordHash = TestDatabase.queryString("SELECT password_hash FROM users WHERE username = '" + alice.username() + "'");
        assertFalse(raw.contains(passwordHash), "no password hash");
        assertFalse(raw.toLowerCase().contains("password"), raw);
    }

    @Test
    void aPersonalAccessTokenCannotExportTheAccount(@Registered("ex_tok") Login me) {
        String token = api.post("/api/users/me/tokens", me.token(), Api.json("name", "script")).json().getString("token");
        Reply reply = api.get("/api/users/me/export", token);
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.errorCode());
    }

    @Test
    void aLongHistoryComesWholeAndInOrder(@Guest("ex_many") Login me) throws Exception {
        String room = api.createRoom(me, "many");
        long userId = api.get("/api/users/me", me.token()).json().getJsonObject("user").getJsonNumber("id").longValue();
        int inserted = 2_500; // more than two pages of 1,000
        try (Connection c = TestDatabase.connect(TestDatabase.URL);
             PreparedStatement insert = c.prepareStatement("INSERT INTO messages (id, room_id, sender_id, body, created_at)"
                     + " SELECT nextval('message_id_seq'), (SELECT id FROM rooms WHERE name = ?), ?, 'many ' || g, now()"
                     + " FROM generate_series(1, ?) g")) {
            insert.setString(1, room);
            insert.setLong(2, userId);
            insert.setInt(3, inserted);
            assertEquals(inserted, insert.executeUpdate());
        }
        long last = api.postMessage(me, room, "the last one");

        Reply reply = api.get("/api/users/me/export", me.token());
        assertEquals(200, reply.status(), reply.body());
        List<Long> ids = reply.json().getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getJsonNumber("id").longValue()).toList();
        List<Long> stored = Arrays.stream(TestDatabase.queryString("SELECT string_agg(id::text, ',' ORDER BY id) FROM messages"
                + " WHERE sender_id = " + userId).split(",")).map(Long::valueOf).toList();
        assertEquals(inserted + 1, ids.size());
        assertEquals(stored, ids, "every message, oldest first");
        assertEquals(last, ids.get(ids.size() - 1));
        assertTrue(reply.response().headers().firstValue("Content-Length").isEmpty(),
                "written as it was read (chunked), not measured whole first: " + reply.response().headers().map());
    }

    @Test
    void anAdminExportsAPrivateRoomTheyAreNotIn(@Registered("ex_own") Login owner, @Registered("ex_mem") Login member) {
        String room = api.createPrivateRoom(owner, "secretroom");
        api.invite(owner, room, member);
        api.join(member, room);
        long first = api.postMessage(owner, room, "first");
        long reply = Api.messageId(api.post("/api/rooms/" + room + "/messages", member.token(),
                Json.createObjectBuilder().add("text", "a reply").add("replyTo", first).build().toString()));
        long gone = api.postMessage(member, room, "soon deleted");
        assertEquals(204, api.put("/api/messages/" + first + "/reactions/%F0%9F%91%8D", member.token()).status());
        assertEquals(204, api.delete("/api/messages/" + gone, member.token()).status());

        Login admin = api.admin();
        Reply export = api.get("/api/admin/rooms/" + room + "/export", admin.token());
        assertEquals(200, export.status(), export.body());
        assertEquals("attachment; filename=\"parley-room-" + room + ".json\"",
                export.response().headers().firstValue("Content-Disposition").orElse(null));
        JsonObject body = export.json();
        assertEquals(room, body.getJsonObject("room").getString("name"));
        assertTrue(body.getJsonObject("room").getBoolean("private"));
        assertTrue(body.getString("exportedAt").endsWith("Z"));
        JsonArray messages = body.getJsonArray("messages");
        assertEquals(List.of(first, reply, gone), messages.stream().map(m -> m.asJsonObject().getJsonNumber("id").longValue()).toList());
        JsonObject firstOut = messages.getJsonObject(0);
        assertEquals(owner.username(), firstOut.getString("from"));
        assertEquals("first", firstOut.getString("text"));
        assertEquals("👍", firstOut.getJsonArray("reactions").getJsonObject(0).getString("emoji"));
        assertTrue(firstOut.isNull("editedAt"));
        assertTrue(firstOut.isNull("via"));
        assertEquals(first, messages.getJsonObject(1).getJsonNumber("replyTo").longValue());
        JsonObject deleted = messages.getJsonObject(2);
        assertTrue(deleted.getBoolean("deleted"));
        assertEquals("", deleted.getString("text"));
    }

    @Test
    void onlyAnAdminMayExportARoomWhateverItNames(@Registered("ex_not") Login someone) {
        String room = api.createRoom(someone, "mine");
        for (String name : List.of(room, "no-such-room-at-all", "Not A Name!")) {
            Reply reply = api.get("/api/admin/rooms/" + name.replace(" ", "%20").replace("!", "%21") + "/export", someone.token());
            assertEquals(403, reply.status(), name + ": " + reply.body());
            assertEquals("forbidden", reply.errorCode());
        }
        Reply unknown = api.get("/api/admin/rooms/no-such-room-at-all/export", api.admin().token());
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("not_found", unknown.errorCode());
    }

    private static JsonObject find(JsonArray array, String key, String value) {
        return array.stream().map(JsonValue::asJsonObject).filter(o -> !o.isNull(key) && value.equals(o.getString(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + array));
    }
}
