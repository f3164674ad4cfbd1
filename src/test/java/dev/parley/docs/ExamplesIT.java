package dev.parley.docs;

import static dev.parley.support.Api.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.NodeScript;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The example clients in examples/ (Node.js with the official socket.io-client, and webhook.sh) work against the server as their README says. */
class ExamplesIT {
    private final Api api = Api.server();

    @Test
    void feedScriptSaysHelloAndPrintsTheFeed(@Registered("ex_reader") Login reader) {
        String name = Api.uniqueName("ex_feed");
        assertEquals(201, api.register(name).status());
        try (Sock watching = Sock.connect(reader.token());
             NodeScript feed = NodeScript.start("feed.mjs", "--url", Server.url(), "--user", name,
                     "--password", Api.PASSWORD, "--text", "hello from node")) {
            feed.awaitLine("ready: signed in as " + name);
            String sent = feed.awaitLine("sent #");
            JSONObject received = watching.awaitJson("message");
            assertEquals(name, received.getString("from"));
            assertEquals("hello from node", received.getString("text"));
            assertTrue(sent.startsWith("sent #" + received.getLong("id") + ":"), sent);

            watching.ack("message", new JSONObject().put("text", "hello back"));
            feed.awaitLine("[feed] " + reader.username() + ": hello back");
        }
    }

    @Test
    void feedScriptLogsInAsAGuestWithoutAPassword() {
        String guest = Api.uniqueName("ex_guest");
        try (NodeScript feed = NodeScript.start("feed.mjs", "--url", Server.url(), "--user", guest)) {
            feed.awaitLine("ready: signed in as " + guest);
            feed.awaitLine("sent #");
        }
    }

    @Test
    void consoleChatTalksJoinsSendsDirectMessagesListsSessionsAndLogsOutEverywhere(@Registered("ex_bob") Login bob) {
        Login alice = api.registerAndLogin("ex_alice"); // a second session of alice's, besides the console's
        String room = uniqueRoom("ex_room");
        try (Sock bobSock = Sock.connect(bob.token()); Sock aliceElsewhere = Sock.connect(alice.token());
             NodeScript chat = NodeScript.start("console-chat.mjs", "--url", Server.url(), "--user", alice.username(),
                     "--password", Api.PASSWORD)) {
            chat.awaitLine("ready: signed in as " + alice.username());
            chat.awaitLine("-- live");

            chat.type("hi everyone");
            JSONObject onFeed = bobSock.awaitJson("message");
            assertEquals("hi everyone", onFeed.getString("text"));
            assertEquals("feed", onFeed.getString("room"));
            assertEquals(alice.username(), onFeed.getString("from"));

            chat.type("/join " + room);
            chat.awaitLine("joined " + room);
            api.join(bob, room);
            chat.type("in the room");
            JSONObject inRoom = bobSock.awaitJson("message");
            assertEquals(room, inRoom.getString("room"));
            assertEquals("in the room", inRoom.getString("text"));

            chat.type("/dm " + bob.username() + " just for you");
            JSONObject direct = bobSock.awaitJson("private_message");
            assertEquals("just for you", direct.getString("text"));
            assertEquals(alice.username(), direct.getString("from"));
            bobSock.ack("private_message", new JSONObject().put("to", alice.username()).put("text", "thanks"));
            chat.awaitLine("[dm] " + bob.username() + " -> " + alice.username() + ": thanks");
            bobSock.ack("message", new JSONObject().put("room", room).put("text", "welcome"));
            chat.awaitLine("[" + room + "] " + bob.username() + ": welcome");

            chat.type("/sessions");
            chat.awaitLine("2 sessions:");
            chat.awaitLine(alice.sessionId());

            chat.type("/logout-all");
            chat.awaitLine("ended 2 sessions");
            chat.awaitLine("session terminated: logout_all");
            assertEquals(0, chat.awaitExit());
            assertEquals("logout_all", aliceElsewhere.awaitJson("session_terminated").getString("reason"));
        }
    }

    @Test
    void consoleChatUploadsAFileAndSendsItToTheRoom(@Registered("ex_carol") Login carol) throws IOException {
        Login dave = api.registerAndLogin("ex_dave");
        String room = api.createRoom(dave, "ex_files");
        Path file = Files.createTempFile("parley report ", ".txt"); // a space in the name: the command takes it quoted
        Files.writeString(file, "quarterly numbers\n");
        String name = file.getFileName().toString();
        try (Sock daveSock = Sock.connect(dave.token());
             NodeScript chat = NodeScript.start("console-chat.mjs", "--url", Server.url(), "--user", carol.username(),
                     "--password", Api.PASSWORD)) {
            chat.awaitLine("-- live");
            chat.type("/join " + room);
            chat.awaitLine("joined " + room);

            chat.type("/upload \"" + file.toAbsolutePath() + "\" the report");
            JSONObject got = daveSock.awaitJson("message");
            assertEquals("the report", got.getString("text"));
            JSONObject sent = got.getJSONArray("files").getJSONObject(0);
            assertEquals(name, sent.getString("name"));
            assertEquals(18, sent.getLong("size"));
            chat.awaitLine("[" + room + "] " + carol.username() + ": the report [file: " + name + " (18 B)]");
            Api.Reply bytes = api.get("/api/files/" + sent.get("id"), dave.token());
            assertEquals(200, bytes.status());
            assertEquals("quarterly numbers\n", bytes.body());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void botScriptAnswersPingWithPongUsingABotsToken(@Registered("ex_owner") Login owner) {
        String bot = Api.uniqueName("ex_bot");
        assertEquals(201, api.post("/api/bots", owner.token(), Api.json("username", bot)).status());
        Api.Reply made = api.post("/api/bots/" + bot + "/tokens", owner.token(), Api.json("name", "bot.mjs"));
        assertEquals(201, made.status(), made.body());
        String room = api.createRoom(owner, "ex_pings");
        try (Sock watching = Sock.connect(owner.token());
             NodeScript script = NodeScript.start("bot.mjs", "--url", Server.url(), "--token", made.json().getString("token"),
                     "--room", room)) {
            script.awaitLine("ready: " + bot + " (a bot) answers !ping in " + room);
            long ping = Sock.ok(watching.ack("message", Sock.say(room, "!ping"))).getJSONObject("message").getLong("id");
            JSONObject pong = watching.awaitJson("message");
            assertEquals(bot, pong.getString("from"));
            assertEquals("pong", pong.getString("text"));
            assertEquals(ping, pong.getLong("replyTo"));
            script.awaitLine("pong to " + owner.username());
        }
    }

    @Test
    void webhookScriptPostsThroughAnIncomingWebhook(@Registered("ex_hook") Login owner) throws Exception {
        String room = api.createRoom(owner, "ex_hooks");
        Api.Reply made = api.post("/api/rooms/" + room + "/webhooks", owner.token(), Api.json("name", "CI"));
        assertEquals(201, made.status(), made.body());
        String text = "deploy \"done\" \\o/\nsecond line";
        try (Sock watching = Sock.connect(owner.token())) {
            Process script = new ProcessBuilder("sh", "webhook.sh", made.json().getString("url"), text)
                    .directory(java.nio.file.Path.of("examples").toFile()).redirectErrorStream(true).start();
            script.getOutputStream().close();
            String output = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(script.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "webhook.sh took too long");
            assertEquals(0, script.exitValue(), output);
            JSONObject answer = new JSONObject(output.strip());
            JSONObject received = watching.awaitMessage(answer.getLong("id"));
            assertEquals(text, received.getString("text"));
            assertEquals("CI", received.getString("via"));
            assertEquals(owner.username(), received.getString("from"));
        }
    }
}
