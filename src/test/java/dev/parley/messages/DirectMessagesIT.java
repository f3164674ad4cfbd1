package dev.parley.messages;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.dm;
import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Direct messages: {@code private_message} and {@code /api/conversations}. */
class DirectMessagesIT {
    private final Api api = Api.server();

    @Test
    void aPrivateMessageIsAckedWithTheMessageAddressedToTheRecipient(@Registered("d_ack_a") Login alice, @Registered("d_ack_b") Login bob) {
        try (Sock sock = Sock.connect(alice.token())) {
            JSONObject message = ok(sock.ack("private_message", dm(bob.username(), "  psst  "))).getJSONObject("message");
            assertTrue(message.getLong("id") > 0);
            assertEquals(bob.username(), message.getString("to"));
            assertTrue(message.isNull("room"), message.toString());
            assertEquals(alice.username(), message.getString("from"));
            assertEquals("psst", message.getString("text"));
            assertTrue(message.isNull("clientMsgId"));
        }
    }

    @Test
    void aPrivateMessageReachesEveryRecipientSocketAndTheSendersOtherSocketsButNotTheSendingOne(@Registered("d_fan_a") Login alice,
            @Registered("d_fan_b") Login bob) {
        try (Sock sending = Sock.connect(alice.token());
             Sock alicesOther = Sock.connect(alice.token(), "polling");
             Sock bobsPhone = Sock.connect(bob.token());
             Sock bobsLaptop = Sock.connect(bob.token(), "polling")) {
            JSONObject sent = ok(sending.ack("private_message", dm(bob.username(), "just us"))).getJSONObject("message");
            for (Sock receiver : List.of(alicesOther, bobsPhone, bobsLaptop)) {
                JSONObject got = receiver.awaitJson("private_message");
                assertEquals(sent.getLong("id"), got.getLong("id"));
                assertEquals("just us", got.getString("text"));
                assertEquals(bob.username(), got.getString("to"));
                assertEquals(alice.username(), got.getString("from"));
            }
            long reply = bobsPhone.post("private_message", dm(alice.username(), "reply"));
            sending.awaitPrivateMessage(reply);
        }
    }

    @Test
    void aPrivateMessageReachesNoOneElse(@Registered("d_priv_a") Login alice, @Registered("d_priv_b") Login bob, @Registered("d_priv_c") Login carol) {
        try (Sock alices = Sock.connect(alice.token()); Sock carols = Sock.connect(carol.token())) {
            ok(alices.ack("private_message", dm(bob.username(), "not for carol")));
            long forCarol = alices.post("private_message", dm(carol.username(), "for carol"));
            carols.awaitPrivateMessage(forCarol);
        }
    }

    @Test
    void anUnknownRecipientIsNotFound(@Registered("d_nf") Login alice) {
        String nobody = Api.uniqueName("d_nobody");
        try (Sock sock = Sock.connect(alice.token())) {
            assertEquals("not_found", ackError(sock.ack("private_message", dm(nobody, "hello?"))));
            assertEquals("invalid_payload", ackError(sock.ack("private_message", new JSONObject().put("text", "to whom?"))));
        }
        Reply rest = api.post("/api/conversations/" + nobody + "/messages", alice.token(), Api.json("text", "hello?"));
        assertEquals(404, rest.status());
        assertEquals("not_found", rest.errorCode());
    }

    @Test
    void aDirectMessagePostedOverRestReachesEverySocketOfBothUsers(@Registered("d_rest_a") Login alice, @Registered("d_rest_b") Login bob) {
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token(), "polling")) {
            Reply reply = api.post("/api/conversations/" + bob.username() + "/messages", alice.token(), Api.json("text", "via rest"));
            assertEquals(201, reply.status(), reply.body());
            JsonObject message = reply.json().getJsonObject("message");
            assertEquals(bob.username(), message.getString("to"));
            assertTrue(message.isNull("room"));
            long id = message.getJsonNumber("id").longValue();
            for (Sock sock : List.of(alices, bobs)) {
                JSONObject got = sock.awaitPrivateMessage(id);
                assertEquals("via rest", got.getString("text"));
            }
        }
    }

    @Test
    void anOfflineRecipientFindsTheMessageInHistoryAndConversations(@Registered("d_off_a") Login alice, @Registered("d_off_b") Login bob) {
        long id;
        try (Sock alices = Sock.connect(alice.token())) {
            id = alices.post("private_message", dm(bob.username(), "while you were out"));
        }
        for (Login side : List.of(bob, alice)) {
            String other = side == bob ? alice.username() : bob.username();
            Reply history = api.get("/api/conversations/" + other + "/messages", side.token());
            assertEquals(200, history.status(), history.body());
            JsonObject first = history.json().getJsonArray("messages").getJsonObject(0);
            assertEquals(id, first.getJsonNumber("id").longValue());
            assertEquals("while you were out", first.getString("text"));
            assertEquals(1, history.json().getJsonArray("messages").size());
        }
        JsonObject conversation = api.conversation(bob, alice.username());
        assertEquals(id, conversation.getJsonObject("lastMessage").getJsonNumber("id").longValue());
        assertEquals(1, conversation.getInt("unread"));
        assertEquals(0, api.conversationUnread(alice, bob.username()));
    }

    @Test
    void aRepeatedClientMsgIdIsStoredAndSentOnce(@Registered("d_dup_a") Login alice, @Registered("d_dup_b") Login bob) {
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token())) {
            JSONObject payload = dm(bob.username(), "once").put("clientMsgId", "dm-" + UUID.randomUUID());
            JSONObject first = ok(alices.ack("private_message", payload)).getJSONObject("message");
            JSONObject second = ok(alices.ack("private_message", payload)).getJSONObject("message");
            assertEquals(first.getLong("id"), second.getLong("id"));
            assertEquals(payload.getString("clientMsgId"), second.getString("clientMsgId"));
            assertEquals(first.getLong("id"), bobs.awaitJson("private_message").getLong("id"));
            long next = alices.post("private_message", dm(bob.username(), "next"));
            bobs.awaitPrivateMessage(next);
        }
        var messages = api.get("/api/conversations/" + alice.username() + "/messages", bob.token()).json().getJsonArray("messages");
        assertEquals(List.of("next", "once"), messages.getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).toList());
    }

    @Test
    void aRepeatedClientMsgIdOverRestAnswers201WithTheFirstMessage(@Registered("d_rdup_a") Login alice, @Registered("d_rdup_b") Login bob) {
        String body = Json.createObjectBuilder().add("text", "once").add("clientMsgId", "dm-" + UUID.randomUUID()).build().toString();
        String path = "/api/conversations/" + bob.username() + "/messages";
        long first = Api.messageId(api.post(path, alice.token(), body));
        long second = Api.messageId(api.post(path, alice.token(), body));
        assertEquals(first, second);
        assertEquals(List.of(first), Api.ids(api.get(path, alice.token()).json().getJsonArray("messages")));
        assertEquals(1, api.conversationUnread(bob, alice.username()));
    }
}
