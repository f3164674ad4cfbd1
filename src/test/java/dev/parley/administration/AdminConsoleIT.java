package dev.parley.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The admin API of the console (contract: Administration): every account and every room paged, the
 * server's numbers, ending an account's sessions and tokens; {@code forbidden} to everyone else,
 * whatever they name.
 */
class AdminConsoleIT {
    private final Api api = Api.server();

    @Test
    void everyAccountIsListedByUsernameWithGuestsAndBotsSearchedAndPaged() {
        Login admin = api.admin();
        String stem = Api.uniqueName("al");
        String registered = stem + "A";
        String guest = stem + "b";
        String bot = stem + "c";
        assertEquals(201, api.register(registered).status());
        Login person = api.login(registered);
        api.login(registered);
        assertEquals(200, api.post("/api/auth/guest", null, Api.json("username", guest)).status());
        assertEquals(201, api.post("/api/bots", person.token(), Api.json("username", bot)).status());
        Login doomed = api.registerAndLogin(stem + "d");
        assertEquals(204, api.send("DELETE", "/api/users/me", doomed.token(), Api.json("password", Api.PASSWORD)).status());

        JsonObject all = users(admin, "query=" + stem.toUpperCase());
        assertEquals(List.of(registered, guest, bot), names(all), "case-insensitive order; the deleted account left out");
        assertFalse(all.getBoolean("hasMore"));
        JsonObject first = row(all, registered);
        assertEquals(2, first.getInt("sessions"), "two logins");
        assertNotNull(first.getString("lastSeenAt"));
        assertFalse(first.getBoolean("disabled"));
        JsonObject user = first.getJsonObject("user");
        assertFalse(user.getBoolean("guest") || user.getBoolean("bot") || user.getBoolean("admin"), user.toString());
        assertTrue(row(all, guest).getJsonObject("user").getBoolean("guest"));
        assertEquals(1, row(all, guest).getInt("sessions"));
        assertTrue(row(all, bot).getJsonObject("user").getBoolean("bot"));
        assertEquals(0, row(all, bot).getInt("sessions"), "a bot without tokens");
        assertTrue(row(all, bot).isNull("lastSeenAt"));

        JsonObject page = users(admin, "query=" + stem + "&limit=2");
        assertEquals(List.of(registered, guest), names(page));
        assertTrue(page.getBoolean("hasMore"));
        JsonObject next = users(admin, "query=" + stem + "&limit=2&after=" + guest);
        assertEquals(List.of(bot), names(next));
        assertFalse(next.getBoolean("hasMore"));

        String shown = "Zz" + stem.replace("_", "");
        assertEquals(200, api.send("PATCH", "/api/users/me", person.token(), Api.json("displayName", shown + " Person")).status());
        assertEquals(List.of(registered), names(users(admin, "query=" + enc(shown.toLowerCase() + " p"))), "the start of a display name");
        assertEquals(List.of(), names(users(admin, "query=" + enc(stem.substring(1)))), "the start, not the middle");
        assertEquals(List.of(), names(users(admin, "query=" + enc("%" + stem))), "a wildcard is a character");

        assertEquals(204, api.post("/api/admin/users/" + guest + "/disable", admin.token(), null).status());
        assertTrue(row(users(admin, "query=" + stem), guest).getBoolean("disabled"));
        assertEquals(0, row(users(admin, "query=" + stem), guest).getInt("sessions"), "disabling ended its session");

        assertTrue(users(admin, "limit=200").getJsonArray("users").size() <= 200);
        assertTrue(row(users(admin, "query=" + Api.ADMIN), Api.ADMIN).getJsonObject("user").getBoolean("admin"));
        for (String bad : List.of("limit=0", "limit=201", "limit=x", "limit=-1")) {
            Reply reply = api.get("/api/admin/users?" + bad, admin.token());
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
            assertEquals(400, api.get("/api/admin/rooms?" + bad, admin.token()).status(), bad);
        }
    }

    @Test
    void everyAdminEndpointIsForbiddenToEveryoneElseWhateverItNames(@Guest("ac_no") Login user, @Registered("ac_reg") Login target) {
        String nobody = Api.uniqueName("nobody");
        List<Reply> replies = List.of(
                api.get("/api/admin/users", user.token()),
                api.get("/api/admin/users?query=a&limit=0", user.token()),
                api.get("/api/admin/rooms", user.token()),
                api.get("/api/admin/rooms?limit=x", user.token()),
                api.get("/api/admin/stats", user.token()),
                api.post("/api/admin/users/" + target.username() + "/sessions/terminate", user.token(), null),
                api.post("/api/admin/users/" + nobody + "/sessions/terminate", user.token(), null),
                api.post("/api/admin/users/" + nobody + "/sessions/terminate", target.token(), null));
        for (Reply reply : replies) {
            assertEquals(403, reply.status(), reply.body());
            assertEquals("forbidden", reply.errorCode());
        }
        assertEquals(401, api.get("/api/admin/stats", null).status());
        assertEquals(401, api.get("/api/admin/users", null).status());
        assertEquals(200, api.get("/api/users/me", target.token()).status(), "nothing happened to the target");
        assertEquals(404, api.post("/api/admin/users/" + nobody + "/sessions/terminate", api.admin().token(), null).status());
    }

    @Test
    void terminatingEndsEverySessionAndTokenAndCutsTheSocketsButTheAccountLogsInAgain() {
        Login admin = api.admin();
        Login victim = api.registerAndLogin("ac_term");
        Login second = api.login(victim.username());
        Reply made = api.post("/api/users/me/tokens", victim.token(), Api.json("name", "script"));
        assertEquals(201, made.status(), made.body());
        String pat = made.json().getString("token");
        assertEquals(200, api.get("/api/users/me", pat).status());
        try (Sock ws = Sock.connect(victim.token()); Sock polling = Sock.connect(second.token(), "polling")) {
            Reply reply = api.post("/api/admin/users/" + victim.username() + "/sessions/terminate", admin.token(), null);
            assertEquals(200, reply.status(), reply.body());
            assertEquals(3, reply.json().getInt("terminated"), "two logins and a token");
            ws.awaitTerminated("revoked");
            polling.awaitTerminated("revoked");
        }
        for (String token : List.of(victim.token(), second.token(), pat)) assertEquals(401, api.get("/api/users/me", token).status());
        assertEquals(0, row(users(admin, "query=" + victim.username()), victim.username()).getInt("sessions"));
        Reply again = api.post("/api/admin/users/" + victim.username() + "/sessions/terminate", admin.token(), null);
        assertEquals(0, again.json().getInt("terminated"));
        Login back = api.login(victim.username());
        assertEquals(200, api.get("/api/users/me", back.token()).status(), "not disabled");
        // The account's own admin paths still answer next to the sessions one.
        assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/disable", admin.token(), null).status());
        assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/enable", admin.token(), null).status());
    }

    @Test
    void everyRoomIsListedToAnAdminWithPrivateOnesAndTheirOwners(@Guest("ac_own") Login owner) {
        Login admin = api.admin();
        String secret = api.createPrivateRoom(owner, "ac_secret");
        String open = api.createRoom(owner, "ac_open");
        assertFalse(api.listed(admin).contains(secret), "the ordinary listing does not show it");
        JsonObject room = findRoom(admin, secret);
        assertTrue(room.getBoolean("private"));
        assertEquals(owner.username(), room.getString("owner"));
        assertEquals(owner.username(), room.getString("createdBy"));
        assertFalse(room.getBoolean("member"));
        assertTrue(room.isNull("role"));
        assertTrue(room.isNull("retention"));
        assertEquals(1, room.getInt("members"));
        assertFalse(findRoom(admin, open).getBoolean("private"));
        JsonObject feed = findRoom(admin, "feed");
        assertTrue(feed.isNull("owner"), feed.toString());

        JsonObject one = api.get("/api/admin/rooms?limit=1", admin.token()).json();
        assertEquals(1, one.getJsonArray("rooms").size());
        assertTrue(one.getBoolean("hasMore"));
        String firstName = one.getJsonArray("rooms").getJsonObject(0).getString("name");
        JsonObject after = api.get("/api/admin/rooms?limit=1&after=" + firstName, admin.token()).json();
        assertTrue(after.getJsonArray("rooms").getJsonObject(0).getString("name").compareTo(firstName) > 0);
    }

    @Test
    void aRoomsMembersSayWhoIsAServerAdmin(@Guest("ac_mem") Login owner) {
        Login admin = api.admin();
        String room = api.createRoom(owner, "ac_members");
        api.join(admin, room);
        var members = api.get("/api/rooms/" + room + "/members", owner.token()).json().getJsonArray("members").getValuesAs(JsonObject.class);
        assertEquals(List.of(owner.username() + "=false", admin.username() + "=true"),
                members.stream().map(m -> m.getString("username") + "=" + m.getBoolean("admin")).toList(),
                "the owner first, then the admin, who is a plain member of the room and says so");
    }

    @Test
    void theStatsMoveWithAccountsMessagesAndSockets() {
        Login admin = api.admin();
        JsonObject before = stats(admin);
        for (String key : List.of("users", "guests", "bots", "online", "sockets", "messages", "messagesToday", "files", "fileBytes", "nodes")) {
            assertTrue(before.getJsonNumber(key).longValue() >= 0, key);
        }
        assertEquals(1, before.getInt("nodes"), "a single node");
        // files and fileBytes: files/FileMessagesIT counts an upload (other classes may have stored files before this one)

        Login person = api.registerAndLogin("ac_stat");
        JsonObject registered = stats(admin);
        assertEquals(before.getInt("users") + 1, registered.getInt("users"));
        Login guest = api.guest("ac_statg");
        assertTrue(stats(admin).getInt("guests") >= registered.getInt("guests") + 1);

        api.postMessage(person, "feed", "counted");
        JsonObject posted = stats(admin);
        assertEquals(registered.getInt("messages") + 1, posted.getInt("messages"));
        assertEquals(registered.getInt("messagesToday") + 1, posted.getInt("messagesToday"));

        try (Sock a = api.connect(guest); Sock b = api.connect(guest, "polling")) {
            Awaitility.await("two sockets and one more user online").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        JsonObject now = stats(admin);
                        return now.getInt("sockets") >= posted.getInt("sockets") + 2 && now.getInt("online") >= posted.getInt("online") + 1;
                    });
        }
    }

    private JsonObject stats(Login admin) {
        Reply reply = api.get("/api/admin/stats", admin.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject users(Login admin, String query) {
        Reply reply = api.get("/api/admin/users?" + query, admin.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject findRoom(Login admin, String name) {
        // Start just below the name: the room is on the first pages whatever else exists.
        String after = name.substring(0, name.length() - 1);
        for (int i = 0; i < 20; i++) {
            JsonObject page = api.get("/api/admin/rooms?limit=200&after=" + after, admin.token()).json();
            for (JsonObject room : page.getJsonArray("rooms").getValuesAs(JsonObject.class)) {
                if (room.getString("name").equals(name)) return room;
                after = room.getString("name");
            }
            if (!page.getBoolean("hasMore")) break;
        }
        throw new AssertionError(name + " is not in the admin's room listing");
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(row -> row.getJsonObject("user").getString("username")).toList();
    }

    private static JsonObject row(JsonObject page, String username) {
        return page.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getJsonObject("user").getString("username").equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError(username + " not in " + page));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
