package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The people directory, {@code GET /api/users?query=&limit=}, against the server the build started:
 * each test's names share a stem no other test uses, so what is found is what the test made. Its read
 * budget is in {@code limits/ReadBudgetIT} (the shared server's budget is raised for the suite).
 */
class DirectoryIT {
    private final Api api = Api.server();

    @Test
    void findsByTheStartOfUsernameOrDisplayNameWhateverTheCaseTheExactNameFirst(@Registered("dir_me") Login me) {
        String stem = stem();
        register(stem, null);
        register("a" + stem.substring(1) + "x", Character.toUpperCase(stem.charAt(0)) + stem.substring(1) + " Early");
        register(stem + "b", "Zed");
        register("q" + stem.substring(1), "Nobody Matching");

        List<String> found = usernames(find(me, stem.toUpperCase(Locale.ROOT)));
        assertEquals(List.of(stem, "a" + stem.substring(1) + "x", stem + "b"), found,
                "the exact username first, then by username, the display name's match included");
        JsonObject first = find(me, stem).getJsonArray("users").getJsonObject(0);
        assertEquals(List.of("bot", "displayName", "username"), first.keySet().stream().sorted().toList());
        assertFalse(first.getBoolean("bot"));
        assertEquals(List.of(stem + "b"), usernames(find(me, stem + "B")));
    }

    @Test
    void guestsDisabledAndDeletedAccountsAreLeftOutBotsAreIn(@Registered("dir_own") Login owner) {
        String stem = stem();
        api.guest(stem); // named the stem and a suffix of its own
        String disabled = register(stem + "dis", null);
        String deleted = register(stem + "del", null);
        String kept = register(stem + "kept", null);
        String bot = stem + "bot";
        assertEquals(201, api.post("/api/bots", owner.token(), Json.createObjectBuilder()
                .add("username", bot).add("displayName", "Weather").build().toString()).status());
        Login admin = api.admin();
        assertEquals(204, api.post("/api/admin/users/" + disabled + "/disable", admin.token(), null).status());
        assertEquals(204, api.post("/api/users/me/delete", api.login(deleted).token(), Api.json("password", Api.PASSWORD)).status());

        JsonObject found = find(owner, stem);
        assertEquals(List.of(bot, kept), usernames(found));
        assertTrue(found.getJsonArray("users").getJsonObject(0).getBoolean("bot"));
    }

    @Test
    void theLimitIsOneToTwentyTenByDefaultAndTheQueryIsNeeded(@Registered("dir_lim") Login owner) {
        String stem = stem();
        for (int i = 0; i < 12; i++) {
            assertEquals(201, api.post("/api/bots", owner.token(), Api.json("username", stem + (char) ('a' + i))).status());
        }
        assertEquals(10, usernames(find(owner, stem)).size(), "ten by default");
        assertEquals(List.of(stem + "a"), usernames(get(owner, "?query=" + stem + "&limit=1").json()));
        assertEquals(12, usernames(get(owner, "?query=" + stem + "&limit=20").json()).size());
        for (String bad : List.of("?query=" + stem + "&limit=0", "?query=" + stem + "&limit=21", "?query=" + stem + "&limit=x",
                "?query=", "", "?limit=5", "?query=" + "x".repeat(65))) {
            Reply reply = get(owner, bad);
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        assertEquals(List.of(), usernames(find(owner, stem + "%")), "LIKE's characters are taken literally");
    }

    /** A lower-case start of usernames no other test's names share. */
    private static String stem() {
        return Api.uniqueName("dir").toLowerCase(Locale.ROOT);
    }

    /** Registers {@code username} (with a display name when given); the username. */
    private String register(String username, String displayName) {
        var body = Json.createObjectBuilder().add("username", username).add("password", Api.PASSWORD);
        if (displayName != null) body.add("displayName", displayName);
        Reply reply = api.post("/api/auth/register", null, body.build().toString());
        assertEquals(201, reply.status(), reply.body());
        return username;
    }

    private JsonObject find(Login who, String query) {
        Reply reply = get(who, "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private Reply get(Login who, String queryString) {
        return api.get("/api/users" + queryString, who.token());
    }

    private static List<String> usernames(JsonObject found) {
        return found.getJsonArray("users").stream().map(JsonValue::asJsonObject).map(u -> u.getString("username")).toList();
    }
}
