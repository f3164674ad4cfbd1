package dev.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Browser;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who is online, a page at a time: {@code GET /api/users/online} pages by username
 * (case-insensitive), and {@code ready} lists the first page with the total. Other tests' users are
 * online meanwhile on the shared server, so checks there look at names only this test uses.
 */
class OnlineUsersIT {
    private static final int READY_MAX = 3;
    @RegisterExtension
    static final OwnServer capped = OwnServer.named("online_cap", 7).with("parley.presence.ready-online-max", String.valueOf(READY_MAX));

    private final Api api = Api.server();

    @Test
    void theOnlineListPagesByUsernameIgnoringCase() {
        String base = Api.uniqueName("ol");
        List<Login> users = List.of(login(base + "a"), login(base + "B"), login(base + "c"));
        List<Sock> socks = new ArrayList<>();
        try {
            users.forEach(u -> socks.add(Sock.connect(u.token())));
            Login caller = users.get(0);

            JsonObject first = page(caller, base + "a", "1");
            assertEquals(List.of(base + "B"), names(first));
            assertTrue(first.getBoolean("hasMore"));
            assertTrue(first.getInt("total") >= 3);
            JsonObject second = page(caller, base + "B", "1");
            assertEquals(List.of(base + "c"), names(second));
            JsonObject two = page(caller, base, "2");
            assertEquals(List.of(base + "a", base + "B"), names(two));
            JsonObject entry = two.getJsonArray("users").getJsonObject(0);
            assertTrue(entry.containsKey("displayName"));
            Instant.parse(entry.getString("since"));

            JsonObject all = page(caller, null, "500");
            List<String> everyone = names(all);
            assertEquals(everyone.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), everyone);
            assertEquals(all.getInt("total") > everyone.size(), all.getBoolean("hasMore"));

            JsonObject past = page(caller, "~", null); // sorts after every username
            assertEquals(List.of(), names(past));
            assertFalse(past.getBoolean("hasMore"));
            assertTrue(past.getInt("total") >= 3);
        } finally {
            socks.forEach(Sock::close);
        }
    }

    @Test
    void aLimitOutsideOneTo500IsInvalid(@Registered("ol_limit") Login caller) {
        for (String limit : List.of("0", "501", "-1", "ten")) {
            var reply = api.get("/api/users/online?limit=" + limit, caller.token());
            assertEquals(400, reply.status(), "limit " + limit + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        assertEquals(200, api.get("/api/users/online?limit=500", caller.token()).status());
        assertEquals(401, api.get("/api/users/online", null).status());
    }

    @Test
    void readyCountsEveryoneOnlineAndTellsTheServerTime(@Registered("ol_ready") Login user) {
        Instant before = Instant.now().minusSeconds(60);
        try (Sock sock = Sock.connect(user.token())) {
            JSONObject ready = sock.awaitReady();
            JSONArray online = ready.getJSONArray("online");
            assertTrue(ready.getInt("onlineCount") >= Math.max(1, online.length()), ready.toString());
            Instant serverTime = Instant.parse(ready.getString("serverTime"));
            assertTrue(serverTime.isAfter(before) && serverTime.isBefore(Instant.now().plusSeconds(60)), serverTime.toString());
        }
    }

    @Test
    void readyListsTheFirstUsersByUsernameUpToItsCapWithTheTotal() {
        Api own = capped.api();
        String base = Api.uniqueName("cap");
        List<Login> users = IntStream.of(4, 2, 5, 1, 3).mapToObj(i -> loginOn(own, base + i)).toList();
        List<Sock> socks = new ArrayList<>();
        try {
            for (Login user : users.subList(0, 4)) socks.add(Sock.connectTo(capped.url(), user.token()));
            Sock last = Sock.connectTo(capped.url(), users.get(4).token());
            socks.add(last);
            JSONObject ready = last.awaitReady();
            JSONArray online = ready.getJSONArray("online");
            List<String> listed = IntStream.range(0, online.length()).mapToObj(i -> online.getJSONObject(i).getString("username")).toList();
            assertEquals(List.of(base + 1, base + 2, base + 3), listed);
            assertEquals(5, ready.getInt("onlineCount"));

            JsonObject rest = pageOn(own, users.get(0), base + 3, null);
            assertEquals(List.of(base + 4, base + 5), names(rest));
            assertEquals(5, rest.getInt("total"));
            assertFalse(rest.getBoolean("hasMore"));

            // The page lists whom ready listed and counts the rest; those arriving later it lists too.
            String viewer = base + 6;
            loginOn(own, viewer);
            try (Browser page = Browser.start("online_more")) {
                page.open(capped.url() + "/").click("tab-login");
                page.type("login-username", viewer);
                page.type("login-password", Api.PASSWORD);
                page.click("login-submit");
                page.awaitText(Browser.testId("connection"), "Connected");
                page.await(Browser.testId("online-" + base + 1));
                page.awaitText(Browser.testId("online-more"), "and 2 more");
                Login late = loginOn(own, base + 7);
                socks.add(Sock.connectTo(capped.url(), late.token()));
                page.await(Browser.testId("online-" + base + 7));
                page.awaitText(Browser.testId("online-more"), "and 2 more"); // 6 others, 4 of them listed
                page.screenshot("online-and-more");
            }
        } finally {
            socks.forEach(Sock::close);
        }
    }

    private Login login(String username) {
        return loginOn(api, username);
    }

    private static Login loginOn(Api on, String username) {
        var registered = on.register(username);
        assertEquals(201, registered.status(), registered.body());
        return on.login(username);
    }

    private JsonObject page(Login caller, String after, String limit) {
        return pageOn(api, caller, after, limit);
    }

    private static JsonObject pageOn(Api on, Login caller, String after, String limit) {
        StringBuilder query = new StringBuilder("/api/users/online?");
        if (after != null) query.append("after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8)).append('&');
        if (limit != null) query.append("limit=").append(limit);
        var reply = on.get(query.toString(), caller.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("users").getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList();
    }
}
