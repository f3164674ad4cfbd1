package dev.parley.accounts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Bot accounts: owned by the registered account that made them, password-less, acting through the
 * tokens their owner makes, marked {@code bot: true} wherever users are shown, and gone with a
 * deletion that cuts their sockets like an account deletion.
 */
class BotsIT {
    private final Api api = Api.server();

    @Test
    void aBotActsThroughItsTokenAndShowsAsABotEverywhere(@Registered("b_own") Login owner) {
        String name = Api.uniqueName("bot");
        Reply made = api.post("/api/bots", owner.token(), Json.createObjectBuilder()
                .add("username", name).add("displayName", "Weather").build().toString());
        assertEquals(201, made.status(), made.body());
        JsonObject user = made.json().getJsonObject("user");
        assertEquals(name, user.getString("username"));
        assertEquals("Weather", user.getString("displayName"));
        assertTrue(user.getBoolean("bot"));
        assertFalse(user.getBoolean("guest"));
        assertEquals(List.of(name), ((JsonArray) api.get("/api/bots", owner.token()).structure())
                .getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList());
        assertFalse(api.get("/api/users/me", owner.token()).json().getJsonObject("user").getBoolean("bot"));

        Login bot = botToken(owner, name);
        assertTrue(api.get("/api/users/me", bot.token()).json().getJsonObject("user").getBoolean("bot"));
        String room = api.roomOf(owner, bot);
        long id = api.postMessage(bot, room, "beep");
        JsonObject message = api.get("/api/rooms/" + room + "/messages?after=0", owner.token()).json()
                .getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals(name, message.getString("from"));

        JsonArray members = api.get("/api/rooms/" + room + "/members", owner.token()).json().getJsonArray("members");
        for (JsonObject member : members.getValuesAs(JsonObject.class)) {
            assertEquals(member.getString("username").equals(name), member.getBoolean("bot"), member.toString());
        }

        try (Sock watching = Sock.connect(owner.token()); Sock botSocket = Sock.connect(bot.token())) {
            assertTrue(botSocket.awaitReady().getJSONObject("user").getBoolean("bot"));
            assertEquals(true, presenceOf(watching, name).getBoolean("bot"), "presence");
            await().atMost(Duration.ofSeconds(10)).until(() -> onlineEntry(owner, name) != null);
            assertTrue(onlineEntry(owner, name).getBoolean("bot"), "GET /api/users/online");
            assertFalse(onlineEntry(owner, owner.username()).getBoolean("bot"));
            try (Sock later = Sock.connect(owner.token())) {
                JSONArray online = later.awaitReady().getJSONArray("online");
                boolean found = false;
                for (int i = 0; i < online.length(); i++) {
                    JSONObject entry = online.getJSONObject(i);
                    if (entry.getString("username").equals(name)) {
                        found = true;
                        assertTrue(entry.getBoolean("bot"), "ready.online");
                    }
                }
                assertTrue(found, "the bot is listed online in ready");
            }
        }
    }

    @Test
    void aBotCannotLogInWithAPassword(@Registered("b_pw") Login owner) {
        String name = makeBot(owner);
        Reply asBot = api.post("/api/auth/login", null, Api.credentials(name, Api.PASSWORD));
        Reply wrong = api.post("/api/auth/login", null, Api.credentials(owner.username(), "not the password"));
        assertEquals(401, asBot.status());
        assertEquals(wrong.body(), asBot.body(), "as for any wrong password");
    }

    @Test
    void namesFollowTheRulesOfRegisteringAndOnlyPeopleMakeBots(@Registered("b_rules") Login owner, @Guest("b_g") Login guest) {
        Reply bad = api.post("/api/bots", owner.token(), Api.json("username", "no spaces"));
        assertEquals(400, bad.status());
        assertEquals("invalid_payload", bad.errorCode());
        Reply taken = api.post("/api/bots", owner.token(), Api.json("username", owner.username().toUpperCase()));
        assertEquals(409, taken.status());
        assertEquals("conflict", taken.errorCode());
        Reply byGuest = api.post("/api/bots", guest.token(), Api.json("username", Api.uniqueName("gbot")));
        assertEquals(403, byGuest.status());
        assertEquals("forbidden", byGuest.errorCode());
        Login bot = botToken(owner, makeBot(owner));
        assertEquals(403, api.post("/api/bots", bot.token(), Api.json("username", Api.uniqueName("bbot"))).status(), "a bot makes no bots");
        assertEquals(1, ((JsonArray) api.get("/api/bots", owner.token()).structure()).size());
    }

    @Test
    void someoneElsesBotIsNotFound(@Registered("b_mine") Login owner, @Registered("b_str") Login stranger) {
        String name = makeBot(owner);
        String tokenId = api.post("/api/bots/" + name + "/tokens", owner.token(), Api.json("name", "t")).json()
                .getJsonObject("info").getString("id");
        for (Reply reply : List.of(
                api.delete("/api/bots/" + name, stranger.token()),
                api.get("/api/bots/" + name + "/tokens", stranger.token()),
                api.post("/api/bots/" + name + "/tokens", stranger.token(), Api.json("name", "mine now")),
                api.delete("/api/bots/" + name + "/tokens/" + tokenId, stranger.token()),
                api.delete("/api/bots/" + owner.username(), stranger.token()),
                api.delete("/api/bots/" + stranger.username(), stranger.token()),
                api.get("/api/bots/" + Api.uniqueName("none") + "/tokens", owner.token()))) {
            assertEquals(404, reply.status(), reply.body());
            assertEquals("not_found", reply.errorCode());
        }
        assertEquals(1, ((JsonArray) api.get("/api/bots/" + name + "/tokens", owner.token()).structure()).size());
        assertEquals(0, ((JsonArray) api.get("/api/bots", stranger.token()).structure()).size());
    }

    @Test
    void aBotsRevokedTokenIsCutOff(@Registered("b_rev") Login owner) {
        String name = makeBot(owner);
        Reply made = api.post("/api/bots/" + name + "/tokens", owner.token(), Api.json("name", "feed"));
        Login bot = new Login(name, made.json().getString("token"), null, null);
        Sock sock = Sock.connect(bot.token());
        assertEquals(204, api.delete("/api/bots/" + name + "/tokens/" + made.json().getJsonObject("info").getString("id"), owner.token()).status());
        sock.awaitTerminated("revoked");
        assertEquals(401, api.get("/api/users/me", bot.token()).status());
    }

    @Test
    void deletingABotIsLikeAnAccountDeletion(@Registered("b_del") Login owner) {
        String name = makeBot(owner);
        Login bot = botToken(owner, name);
        String room = api.roomOf(owner, bot);
        long id = api.postMessage(bot, room, "last words");
        Sock sock = Sock.connect(bot.token());
        assertEquals(204, api.delete("/api/bots/" + name, owner.token()).status());
        sock.awaitTerminated("account_deleted");
        assertEquals(401, api.get("/api/users/me", bot.token()).status());
        assertEquals(0, ((JsonArray) api.get("/api/bots", owner.token()).structure()).size());
        JsonObject message = api.get("/api/rooms/" + room + "/messages?after=0", owner.token()).json()
                .getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals(JsonValue.ValueType.NULL, message.get("from").getValueType());
        assertEquals("Deleted user", message.getString("fromDisplayName"));
        assertEquals(201, api.register(name).status(), "the name is free");
    }

    @Test
    void disablingTheOwnerEndsTheirBotsTokens(@Registered("b_dis") Login owner) {
        Login bot = botToken(owner, makeBot(owner));
        Sock sock = Sock.connect(bot.token());
        Login admin = api.admin();
        assertEquals(204, api.post("/api/admin/users/" + owner.username() + "/disable", admin.token(), null).status());
        sock.awaitTerminated("revoked");
        assertEquals(401, api.get("/api/users/me", bot.token()).status());
        assertEquals(204, api.post("/api/admin/users/" + owner.username() + "/enable", admin.token(), null).status());
    }

    @Test
    void deletingTheOwnerDeletesTheirBots(@Registered("b_gone") Login owner) {
        String name = makeBot(owner);
        Login bot = botToken(owner, name);
        Sock sock = Sock.connect(bot.token());
        assertEquals(204, api.post("/api/users/me/delete", owner.token(), Api.json("password", Api.PASSWORD)).status());
        sock.awaitTerminated("account_deleted");
        assertEquals(401, api.get("/api/users/me", bot.token()).status());
        assertEquals(201, api.register(name).status(), "the bot's name is free");
    }

    private String makeBot(Login owner) {
        String name = Api.uniqueName("bot");
        Reply made = api.post("/api/bots", owner.token(), Api.json("username", name));
        assertEquals(201, made.status(), made.body());
        return name;
    }

    private Login botToken(Login owner, String bot) {
        Reply made = api.post("/api/bots/" + bot + "/tokens", owner.token(), Api.json("name", "for tests"));
        assertEquals(201, made.status(), made.body());
        return new Login(bot, made.json().getString("token"), made.json().getJsonObject("info").getString("id"), made.json());
    }

    private JsonObject onlineEntry(Login asker, String username) {
        return api.get("/api/users/online?limit=500", asker.token()).json().getJsonArray("users").getValuesAs(JsonObject.class)
                .stream().filter(u -> u.getString("username").equals(username)).findFirst().orElse(null);
    }

    /** The presence entry of {@code username}, from the next batches the socket gets. */
    private static JSONObject presenceOf(Sock sock, String username) {
        while (true) {
            JSONArray users = sock.awaitJson("presence").getJSONArray("users");
            for (int i = 0; i < users.length(); i++) {
                if (users.getJSONObject(i).getString("username").equals(username)) return users.getJSONObject(i);
            }
        }
    }
}
