package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class FeedIT {
    private final Api api = Api.server();

    private static JSONObject text(String text) {
        return new JSONObject().put("text", text);
    }

    @Test
    void aMessageReachesEverySocketButTheSendingOne(@Registered("f_alice") Login alice, @Registered("f_bob") Login bob) {
        try (Sock sending = Sock.connect(alice.token());
             Sock alicesOther = Sock.connect(alice.token(), "polling");
             Sock bobsPhone = Sock.connect(bob.token());
             Sock bobsLaptop = Sock.connect(bob.token(), "polling")) {
            String body = "hello " + UUID.randomUUID();
            JSONObject ack = sending.ack("message", text(body));
            assertTrue(ack.getBoolean("ok"));
            JSONObject sent = ack.getJSONObject("message");
            for (Sock receiver : List.of(alicesOther, bobsPhone, bobsLaptop)) {
                JSONObject got = receiver.awaitJson("message");
                assertEquals(sent.getLong("id"), got.getLong("id"));
                assertEquals(body, got.getString("text"));
                assertEquals("feed", got.getString("room"));
                assertTrue(got.isNull("to"));
                assertEquals(alice.username(), got.getString("from"));
            }
            // The sender's own socket gets nothing: its next message is the one after.
            bobsPhone.ack("message", text("reply"));
            assertEquals("reply", sending.awaitJson("message").getString("text"));
            assertTrue(sending.noMore("message"));
        }
    }

    @Test
    void theAckComesAfterCommitSoHistoryHasTheMessage(@Registered("f_hist") Login me) {
        try (Sock sock = Sock.connect(me.token())) {
            long id = sock.ack("message", text("kept")).getJSONObject("message").getLong("id");
            JsonObject page = api.get("/api/rooms/feed/messages?after=" + (id - 1) + "&limit=1", me.token()).json();
            JsonObject first = page.getJsonArray("messages").getJsonObject(0);
            assertEquals(id, first.getJsonNumber("id").longValue());
            assertEquals("kept", first.getString("text"));
            JSONObject viaSocket = sock.ack("history", new JSONObject().put("room", "feed").put("before", id + 1).put("limit", 1));
            assertEquals(id, viaSocket.getJSONArray("messages").getJSONObject(0).getLong("id"));
        }
    }

    @Test
    void aRepeatedClientMsgIdIsStoredAndSentOnce(@Registered("f_dedup") Login me, @Registered("f_watch") Login watcher) {
        try (Sock sock = Sock.connect(me.token()); Sock watching = Sock.connect(watcher.token())) {
            JSONObject payload = text("once").put("clientMsgId", "cm-" + UUID.randomUUID());
            JSONObject first = sock.ack("message", payload).getJSONObject("message");
            JSONObject second = sock.ack("message", payload).getJSONObject("message");
            assertEquals(first.getLong("id"), second.getLong("id"));
            assertEquals(first.getLong("id"), watching.awaitJson("message").getLong("id"));
            sock.ack("message", text("next"));
            assertEquals("next", watching.awaitJson("message").getString("text"));
            var history = api.get("/api/rooms/feed/messages?after=" + (first.getLong("id") - 1), me.token()).json();
            long copies = history.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("text").equals("once") && m.getString("from").equals(me.username())).count();
            assertEquals(1, copies);
        }
    }

    @Test
    void aBareStringIsAMessageToo(@Registered("f_bare") Login me) {
        try (Sock sock = Sock.connect(me.token())) {
            JSONObject ack = sock.ack("message", "  just text  ");
            assertEquals("just text", ack.getJSONObject("message").getString("text"));
        }
    }

    @Test
    void aMessagePostedOverRestReachesEverySocket(@Registered("f_rest") Login me) {
        try (Sock mine = Sock.connect(me.token())) {
            var reply = api.post("/api/rooms/feed/messages", me.token(), "{\"text\":\"from rest\"}");
            assertEquals(201, reply.status());
            long id = reply.json().getJsonObject("message").getJsonNumber("id").longValue();
            mine.awaitMessage(id);
        }
    }

    @Test
    void badTextIsRefusedAndNothingIsSent(@Registered("f_bad") Login me, @Registered("f_badwatch") Login watcher) {
        try (Sock sock = Sock.connect(me.token()); Sock watching = Sock.connect(watcher.token())) {
            JSONObject tooLong = sock.ack("message", text("x".repeat(4001)));
            assertFalse(tooLong.getBoolean("ok"));
            assertEquals("too_large", tooLong.getJSONObject("error").getString("code"));
            JSONObject blank = sock.ack("message", text("   "));
            assertEquals("invalid_payload", blank.getJSONObject("error").getString("code"));
            JSONObject noText = sock.ack("message", new JSONObject().put("txt", "typo"));
            assertEquals("invalid_payload", noText.getJSONObject("error").getString("code"));
            JSONObject unknownRoom = sock.ack("message", text("hi").put("room", "nowhere"));
            assertEquals("not_found", unknownRoom.getJSONObject("error").getString("code"));
            assertEquals(413, api.post("/api/rooms/feed/messages", me.token(),
                    "{\"text\":\"" + "y".repeat(4001) + "\"}").status());

            sock.ack("message", text("the only one"));
            assertEquals("the only one", watching.awaitJson("message").getString("text"));
        }
    }

    @Test
    void aFailureWithoutAnAckGetsAnErrorEvent(@Registered("f_err") Login me) {
        try (Sock sock = Sock.connect(me.token())) {
            sock.emit("message", new JSONObject().put("text", ""));
            JSONObject error = sock.awaitJson("error");
            assertEquals("invalid_payload", error.getString("code"));
            assertTrue(error.getString("message").length() > 0);
        }
    }

    @Test
    void historyPagesBackwardsAndForwardsWithoutGapsOrRepeats(@Registered("f_page") Login me) {
        long firstId = -1;
        for (int i = 0; i < 5; i++) {
            var reply = api.post("/api/rooms/feed/messages", me.token(), "{\"text\":\"p" + i + "\"}");
            if (i == 0) firstId = reply.json().getJsonObject("message").getJsonNumber("id").longValue();
        }
        JsonObject forward = api.get("/api/rooms/feed/messages?after=" + (firstId - 1) + "&limit=3", me.token()).json();
        assertTrue(forward.getBoolean("hasMore"));
        List<Long> ids = forward.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("id").longValue()).toList();
        assertEquals(3, ids.size());
        assertTrue(ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2));
        JsonObject back = api.get("/api/rooms/feed/messages?before=" + ids.get(2) + "&limit=2", me.token()).json();
        List<Long> backIds = back.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(ids.get(1), ids.get(0)), backIds);
        assertEquals(400, api.get("/api/rooms/feed/messages?limit=0", me.token()).status());
        assertEquals(400, api.get("/api/rooms/feed/messages?limit=201", me.token()).status());
        assertEquals(400, api.get("/api/rooms/feed/messages?before=abc", me.token()).status());
    }
}
