package dev.parley.messages;

import static dev.parley.support.Sock.inRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** {@code typing} is relayed to the others in a room or to the other party of a conversation, and never stored. */
class TypingIT {
    private final Api api = Api.server();

    @Test
    void typingInARoomReachesTheOtherMembersButNotTheSendersSockets(@Registered("ty_alice") Login alice, @Registered("ty_bob") Login bob,
            @Registered("ty_carol") Login carol) {
        String room = api.roomOf(alice, bob);
        try (Sock typing = Sock.connect(alice.token());
             Sock alicesOther = Sock.connect(alice.token(), "polling");
             Sock bobs = Sock.connect(bob.token());
             Sock carols = Sock.connect(carol.token())) {
            typing.emit("typing", inRoom(room));
            assertTyping(bobs.awaitJson("typing"), room, alice);

            // Alice's sockets and Carol (not a member) got nothing: the first typing each sees is a later one.
            bobs.emit("typing", inRoom(room));
            assertTyping(alicesOther.awaitJson("typing"), room, bob);
            assertTyping(typing.awaitJson("typing"), room, bob);
            bobs.emit("typing", inRoom("feed"));
            assertTyping(carols.awaitJson("typing"), "feed", bob);
        }
    }

    @Test
    void typingToAUserReachesOnlyThatUsersSockets(@Registered("ty_alice") Login alice, @Registered("ty_bob") Login bob,
            @Registered("ty_carol") Login carol) {
        try (Sock typing = Sock.connect(alice.token());
             Sock alicesOther = Sock.connect(alice.token(), "polling");
             Sock bobsPhone = Sock.connect(bob.token());
             Sock bobsLaptop = Sock.connect(bob.token(), "polling");
             Sock carols = Sock.connect(carol.token())) {
            typing.emit("typing", to(bob));
            assertTyping(bobsPhone.awaitJson("typing"), null, alice);
            assertTyping(bobsLaptop.awaitJson("typing"), null, alice);

            bobsPhone.emit("typing", to(alice));
            assertTyping(alicesOther.awaitJson("typing"), null, bob);
            assertTyping(typing.awaitJson("typing"), null, bob);
            bobsPhone.emit("typing", to(carol));
            assertTyping(carols.awaitJson("typing"), null, bob);
        }
    }

    @Test
    void typingIsNeverStored(@Registered("ty_alice") Login alice, @Registered("ty_bob") Login bob) {
        String room = api.roomOf(alice, bob);
        try (Sock alices = Sock.connect(alice.token()); Sock bobs = Sock.connect(bob.token())) {
            alices.emit("typing", inRoom(room));
            alices.emit("typing", to(bob));
            assertTyping(bobs.awaitJson("typing"), room, alice);
            assertTyping(bobs.awaitJson("typing"), null, alice);

            // Not sent as a message either: the first of each Bob gets is a real one, and history holds only those.
            long inRoom = alices.ack("message", inRoom(room).put("text", "real")).getJSONObject("message").getLong("id");
            bobs.awaitMessage(inRoom);
            long direct = alices.ack("private_message", to(bob).put("text", "real")).getJSONObject("message").getLong("id");
            bobs.awaitPrivateMessage(direct);
            assertEquals(1, messageCount("/api/rooms/" + room + "/messages", bob));
            assertEquals(1, messageCount("/api/conversations/" + alice.username() + "/messages", bob));
        }
    }

    @Test
    void aNonMemberTypingInARoomIsForbiddenAndRelaysNothing(@Registered("ty_alice") Login alice, @Registered("ty_bob") Login bob,
            @Registered("ty_out") Login outsider) {
        String room = api.roomOf(alice, bob);
        try (Sock alices = Sock.connect(alice.token());
             Sock bobs = Sock.connect(bob.token());
             Sock outsiders = Sock.connect(outsider.token())) {
            outsiders.emit("typing", inRoom(room));
            JSONObject error = outsiders.awaitJson("error");
            assertEquals("forbidden", error.getString("code"));
            assertTrue(error.getString("message").length() > 0);

            alices.emit("typing", inRoom(room));
            assertTyping(bobs.awaitJson("typing"), room, alice);
        }
    }

    @Test
    void typingToAUserWhoBlocksTheTypistIsForbiddenAndRelaysNothing(@Registered("ty_alice") Login alice, @Registered("ty_mallory") Login mallory,
            @Registered("ty_bob") Login bob) {
        assertEquals(204, api.put("/api/users/me/blocks/" + mallory.username(), alice.token()).status());
        try (Sock alices = Sock.connect(alice.token());
             Sock mallorys = Sock.connect(mallory.token())) {
            mallorys.emit("typing", to(alice));
            assertEquals("forbidden", mallorys.awaitJson("error").getString("code"));

            // Alice's first typing is Bob's, sent after Mallory's: Mallory's was never relayed.
            try (Sock bobs = Sock.connect(bob.token())) {
                bobs.emit("typing", to(alice));
                assertTyping(alices.awaitJson("typing"), null, bob);
            }
        }
    }

    private int messageCount(String path, Login caller) {
        var reply = api.get(path + "?limit=200", caller.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("messages").getValuesAs(JsonObject.class).size();
    }

    private static JSONObject to(Login user) {
        return new JSONObject().put("to", user.username());
    }

    /** A {@code typing} event from {@code from}, in {@code room}, or (null) with no room at all. */
    private static void assertTyping(JSONObject typing, String room, Login from) {
        assertEquals(from.username(), typing.getString("from"), typing.toString());
        if (room == null) {
            assertTrue(!typing.has("room") || typing.isNull("room"), typing.toString());
        } else {
            assertEquals(room, typing.getString("room"), typing.toString());
        }
    }
}
