package dev.parley.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.OwnServer;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The message features on the embedded H2 default, whose SQL differs from PostgreSQL's where search is
 * concerned (substrings instead of full-text): migration V6 runs there, and the search syntax works.
 */
class EmbeddedMessagesIT {
    @RegisterExtension
    static final OwnServer server = OwnServer.named("embedded_messages", 8).embedded();
    private static final Api api = server.api();

    private List<Long> search(Login who, String q) {
        Reply reply = api.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), who.token());
        assertEquals(200, reply.status(), reply.body());
        return Api.ids(reply.json().getJsonArray("messages"));
    }

    @Test
    void repliesReactionsMentionsEditsDeletionsAndSearchWorkOnH2() {
        Login alice = api.guest("h2_alice");
        Login bob = api.guest("h2_bob");
        Login carol = api.guest("h2_carol");
        String room = api.roomOf(alice, bob);
        long question = api.postMessage(alice, room, "Where is the Release checklist?");
        Reply answer = api.post("/api/rooms/" + room + "/messages", bob.token(),
                "{\"text\": \"@" + alice.username() + " in the wiki, 100% sure\", \"replyTo\": " + question + "}");
        assertEquals(201, answer.status(), answer.body());
        JsonObject reply = answer.json().getJsonObject("message");
        assertEquals(question, reply.getJsonNumber("replyTo").longValue());
        assertEquals(alice.username(), reply.getJsonArray("mentions").getString(0));
        assertEquals(1, api.room(alice, room).getInt("mentions"));
        assertEquals(204, api.put("/api/messages/" + question + "/reactions/%F0%9F%91%8D", bob.token()).status());
        assertEquals(200, api.send("PATCH", "/api/messages/" + question, alice.token(), "{\"text\": \"Where is the release checklist now?\"}").status());
        long secret = api.postDirect(bob, carol.username(), "the release checklist is secret");
        long gone = api.postMessage(alice, room, "release checklist draft");
        assertEquals(204, api.delete("/api/messages/" + gone, alice.token()).status());

        assertEquals(List.of(question), search(alice, "RELEASE checklist"));
        assertEquals(List.of(secret, question), search(carol, "release checklist"));
        assertEquals(List.of(question), search(alice, "\"checklist now\""));
        assertEquals(List.of(), search(alice, "checklist -now"));
        assertEquals(List.of(Api.ids(api.get("/api/rooms/" + room + "/messages?limit=5", alice.token()).json()
                .getJsonArray("messages")).get(1)), search(alice, "100%"), "LIKE wildcards in a query are plain characters");
        JsonObject history = api.get("/api/rooms/" + room + "/messages?limit=5", alice.token()).json();
        assertTrue(history.getJsonArray("messages").getJsonObject(0).getBoolean("deleted"));
    }
}
