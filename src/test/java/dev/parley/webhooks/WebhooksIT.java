package dev.parley.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import dev.parley.support.TestDatabase;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Incoming webhooks through real HTTP and real sockets: who may make, list and delete them; a post
 * by JSON or by a form's {@code payload} reaching the room's sockets as the creator, {@code via} the
 * webhook; wrong secrets and unknown ids alike; bad bodies; the budget per webhook; and a creator who
 * can no longer post making the webhook refuse.
 */
class WebhooksIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern URL = Pattern.compile("https?://[^/]+/hooks/(\\d+)/([A-Za-z0-9_-]{43})");

    private final Api api = Api.server();

    private Reply create(Login by, String room, String name) {
        return api.post("/api/rooms/" + room + "/webhooks", by.token(), Api.json("name", name));
    }

    /** A webhook made by {@code by}, with its URL. */
    private JsonObject made(Login by, String room, String name) {
        Reply reply = create(by, room, name);
        assertEquals(201, reply.status(), reply::body);
        return reply.json();
    }

    private static void refused(int status, String code, Reply reply) {
        assertEquals(status, reply.status(), reply::body);
        assertEquals(code, reply.errorCode(), reply::body);
    }

    /** A POST to a webhook URL, as a CI job sends it: no token. */
    private static HttpResponse<String> hook(String url, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> say(String url, String text) {
        return hook(url, "application/json", Json.createObjectBuilder().add("text", text).build().toString());
    }

    /** The id of the message a webhook post made, after checking it answered 200 {ok: true, id}. */
    private static long posted(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        JSONObject body = new JSONObject(response.body());
        assertTrue(body.getBoolean("ok"));
        return body.getLong("id");
    }

    private static String errorCode(HttpResponse<String> response) {
        return new JSONObject(response.body()).getJSONObject("error").getString("code");
    }

    private List<JsonObject> history(Login reader, String room) {
        Reply reply = api.get("/api/rooms/" + room + "/messages", reader.token());
        assertEquals(200, reply.status(), reply::body);
        return reply.json().getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    @Test
    void ownersModeratorsAndAdminsForFeedMakeWebhooksAndNobodyElse(@Guest("wh_o") Login owner, @Guest("wh_m") Login moderator,
            @Guest("wh_p") Login member, @Guest("wh_s") Login stranger) {
        String room = api.roomOf(owner, moderator, member);
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + moderator.username(), owner.token()).status());

        JsonObject first = made(owner, room, "  CI  ");
        assertEquals("CI", first.getString("name"), "trimmed");
        assertEquals(owner.username(), first.getString("createdBy"));
        assertFalse(first.getString("createdAt").isBlank());
        var url = URL.matcher(first.getString("url"));
        assertTrue(url.matches(), first::toString);
        assertEquals(first.getJsonNumber("id").longValue(), Long.parseLong(url.group(1)));
        assertTrue(first.getString("url").startsWith(Server.url() + "/hooks/"), "built from the request: " + first);
        JsonObject second = made(moderator, room, "Monitoring ✓");

        Reply listed = api.get("/api/rooms/" + room + "/webhooks", owner.token());
        assertEquals(200, listed.status(), listed::body);
        List<JsonObject> hooks = listed.structure().asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("CI", "Monitoring ✓"), hooks.stream().map(h -> h.getString("name")).toList());
        assertEquals(List.of(owner.username(), moderator.username()), hooks.stream().map(h -> h.getString("createdBy")).toList());
        assertTrue(hooks.stream().noneMatch(h -> h.containsKey("url")), "never the URL again: " + listed.body());
        assertFalse(listed.body().contains(url.group(2)));

        String path = "/api/rooms/" + room + "/webhooks";
        refused(403, "forbidden", create(member, room, "mine"));
        refused(403, "forbidden", api.get(path, member.token()));
        refused(403, "forbidden", api.delete(path + "/" + first.getJsonNumber("id"), member.token()));
        refused(403, "forbidden", create(stranger, room, "mine"));

        String hidden = api.createPrivateRoom(owner, "whp");
        refused(404, "not_found", create(stranger, hidden, "mine"));
        refused(404, "not_found", api.get("/api/rooms/" + hidden + "/webhooks", stranger.token()));
        refused(404, "not_found", api.delete("/api/rooms/" + hidden + "/webhooks/" + first.getJsonNumber("id"), stranger.token()));
        refused(404, "not_found", create(stranger, hidden, "")); // access first, before the bad name

        refused(403, "forbidden", create(member, "feed", "feed hook"));
        Login admin = api.admin();
        JsonObject feeds = made(admin, "feed", "Announcements");
        assertEquals(Api.ADMIN, feeds.getString("createdBy"));
        assertEquals(204, api.delete("/api/rooms/feed/webhooks/" + feeds.getJsonNumber("id"), admin.token()).status());
        refused(403, "forbidden", create(admin, room, "admin's")); // its posts would be theirs: they must be a member
        api.join(admin, room);
        JsonObject byAdmin = made(admin, room, "admin's");
        assertEquals(204, api.delete(path + "/" + byAdmin.getJsonNumber("id"), admin.token()).status());
        assertEquals(200, api.get("/api/rooms/" + hidden + "/webhooks", admin.token()).status(), "an admin sees any room's");

        for (String bad : List.of("", "   ", "x".repeat(65), "bell\u0007", "line\nbreak")) refused(400, "invalid_payload", create(owner, room, bad));
        refused(400, "invalid_payload", api.post(path, owner.token(), "{}"));
        assertEquals(2, api.get(path, owner.token()).structure().asJsonArray().size(), "nothing made by the refusals");

        refused(404, "not_found", api.delete("/api/rooms/" + hidden + "/webhooks/" + second.getJsonNumber("id"), owner.token()));
        refused(404, "not_found", api.delete(path + "/999999999", owner.token()));
        refused(404, "not_found", api.delete(path + "/nope", owner.token()));
        assertEquals(204, api.delete(path + "/" + second.getJsonNumber("id"), owner.token()).status());
        assertEquals(List.of("CI"), api.get(path, moderator.token()).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().map(h -> h.getString("name")).toList());
    }

    @Test
    void aPostByJsonOrByFormReachesTheRoomAsItsCreatorViaTheWebhook(@Guest("wh_po") Login owner, @Guest("wh_pr") Login reader) {
        String room = api.roomOf(owner, reader);
        String url = made(owner, room, "CI").getString("url");
        try (Sock socket = api.connect(reader)) {
            long byJson = posted(hook(url, "application/json; charset=utf-8",
                    "{\"text\": \"  deploy done @" + reader.username() + "  \", \"username\": \"impostor\", \"icon_url\": \"http://x\", \"channel\": \"#other\"}"));
            JSONObject message = socket.awaitMessage(byJson);
            assertEquals(room, message.getString("room"));
            assertEquals(owner.username(), message.getString("from"), "posted as the webhook's creator, whatever username says");
            assertEquals("CI", message.getString("via"));
            assertEquals("deploy done @" + reader.username(), message.getString("text"));
            assertEquals(List.of(reader.username()), message.getJSONArray("mentions").toList(), "mentions as in any post");

            String payload = Json.createObjectBuilder().add("text", "build #42 failed ünïcode").add("username", "bot").build().toString();
            long byForm = posted(hook(url, "application/x-www-form-urlencoded",
                    "channel=x&payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)));
            JSONObject second = socket.awaitMessage(byForm);
            assertEquals("build #42 failed ünïcode", second.getString("text"));
            assertEquals("CI", second.getString("via"));
            assertTrue(byForm > byJson);

            assertEquals(2, api.roomUnread(reader, room), "unread like any post");
            long plain = socket.post("message", Sock.say(room, "a person's own"));
            List<JsonObject> page = history(reader, room);
            assertEquals(List.of(plain, byForm, byJson), page.stream().map(m -> m.getJsonNumber("id").longValue()).toList());
            assertTrue(page.get(0).isNull("via"), "null when a person posts: " + page.get(0));
            assertEquals("CI", page.get(1).getString("via"));
            assertEquals(owner.username(), page.get(1).getString("from"));
        }
        Reply found = api.get("/api/search?q=deploy&room=" + room, reader.token());
        assertEquals(200, found.status(), found::body);
        assertEquals("CI", found.json().getJsonArray("messages").getJsonObject(0).getString("via"));
    }

    /** The JDK's client asks for an h2c upgrade on http:// by default, as {@code curl --http2} does. */
    @Test
    void aClientOfferingAnHttp2UpgradePostsToo(@Guest("wh_2") Login owner) throws Exception {
        String room = api.createRoom(owner, "wh2");
        String url = made(owner, room, "CI").getString("url");
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"over h2c\"}")).build(), HttpResponse.BodyHandlers.ofString());
        long id = posted(response);
        assertEquals(id, history(owner, room).get(0).getJsonNumber("id").longValue());
    }

    @Test
    void aWrongSecretAndAnUnknownIdAreTheSameNotFoundAndPostNothing(@Guest("wh_w") Login owner) {
        String room = api.createRoom(owner, "whw");
        JsonObject hook = made(owner, room, "CI");
        var url = URL.matcher(hook.getString("url"));
        assertTrue(url.matches());
        String id = url.group(1), secret = url.group(2);
        String base = Server.url() + "/hooks/";
        String wrongSecret = secret.substring(0, 42) + (secret.endsWith("A") ? "B" : "A");
        List<HttpResponse<String>> refusals = List.of(
                say(base + id + "/" + wrongSecret, "nope"),
                say(base + "999999999/" + secret, "nope"),
                say(base + id + "/" + secret.substring(0, 20), "nope"),
                say(base + id + "/" + secret + "/extra", "nope"),
                say(base + "x/" + secret, "nope"),
                say(base + id, "nope"));
        for (HttpResponse<String> refusal : refusals) {
            assertEquals(404, refusal.statusCode(), refusal::body);
            assertEquals(refusals.get(0).body(), refusal.body(), "the same answer, whichever part is wrong");
        }
        assertEquals("not_found", errorCode(refusals.get(0)));
        assertEquals(List.of(), history(owner, room), "nothing posted");
        posted(say(hook.getString("url"), "the right one"));
    }

    @Test
    void theSecretIsKeptOnlyAsItsSha256(@Guest("wh_h") Login owner) throws Exception {
        String room = api.createRoom(owner, "whh");
        JsonObject hook = made(owner, room, "CI");
        var url = URL.matcher(hook.getString("url"));
        assertTrue(url.matches());
        String secret = url.group(2);
        long id = hook.getJsonNumber("id").longValue();
        String stored = TestDatabase.queryString("SELECT secret_hash FROM webhooks WHERE id = " + id);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, stored);
        assertEquals("0", TestDatabase.queryString("SELECT COUNT(*) FROM webhooks WHERE secret_hash LIKE '%" + secret + "%'"
                + " OR name LIKE '%" + secret + "%'"));
        assertNotEquals(secret, stored);
    }

    @Test
    void badBodiesAreRefusedAndPostNothing(@Guest("wh_b") Login owner) {
        String room = api.createRoom(owner, "whb");
        String url = made(owner, room, "CI").getString("url");
        for (String[] bad : List.of(
                new String[] {"application/json", "not json"},
                new String[] {"application/json", ""},
                new String[] {"application/json", "[\"text\"]"},
                new String[] {"application/json", "{}"},
                new String[] {"application/json", "{\"text\": 42}"},
                new String[] {"application/json", "{\"text\": null}"},
                new String[] {"application/json", "{\"text\": \"   \"}"},
                new String[] {"application/json", "{\"text\": \"a\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}"},
                new String[] {"application/x-www-form-urlencoded", "text=hello"},
                new String[] {"application/x-www-form-urlencoded", "payload=%ZZ"},
                new String[] {"application/x-www-form-urlencoded", "payload=" + URLEncoder.encode("{\"username\": \"x\"}", StandardCharsets.UTF_8)},
                new String[] {null, "text"})) {
            HttpResponse<String> refusal = hook(url, bad[0], bad[1]);
            assertEquals(400, refusal.statusCode(), () -> bad[1].substring(0, Math.min(80, bad[1].length())) + ": " + refusal.body());
            assertEquals("invalid_payload", errorCode(refusal));
        }
        HttpResponse<String> tooLong = say(url, "x".repeat(4001));
        assertEquals(413, tooLong.statusCode(), tooLong::body);
        assertEquals("too_large", errorCode(tooLong));
        HttpResponse<String> tooBig = say(url, "x".repeat(70_000));
        assertEquals(413, tooBig.statusCode(), tooBig::body);
        assertEquals(List.of(), history(owner, room), "nothing posted");
    }

    @Test
    void aDeletedWebhookIsNotFound(@Guest("wh_d") Login owner) {
        String room = api.createRoom(owner, "whd");
        JsonObject hook = made(owner, room, "CI");
        long before = posted(say(hook.getString("url"), "before"));
        assertEquals(204, api.delete("/api/rooms/" + room + "/webhooks/" + hook.getJsonNumber("id"), owner.token()).status());
        HttpResponse<String> after = say(hook.getString("url"), "after");
        assertEquals(404, after.statusCode(), after::body);
        assertEquals("not_found", errorCode(after));
        List<JsonObject> page = history(owner, room);
        assertEquals(1, page.size());
        assertEquals(before, page.get(0).getJsonNumber("id").longValue());
        assertEquals("CI", page.get(0).getString("via"), "its messages keep their via");
    }

    /**
     * The test server's user budgets are huge; a webhook's is its own, at the defaults (20 at once, then
     * 1 a second). Posts sent back to back get 20 through, plus one for each second the run took.
     */
    @Test
    void aWebhookPostingFasterThanItsBudgetIsRateLimited(@Guest("wh_r") Login owner) {
        String room = api.createRoom(owner, "whr");
        String url = made(owner, room, "chatty").getString("url");
        String other = made(owner, room, "quiet").getString("url");
        long started = System.nanoTime();
        int accepted = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 60 && limited == null; i++) {
            HttpResponse<String> response = say(url, "post " + i);
            if (response.statusCode() == 429) limited = response;
            else assertEquals(200, response.statusCode(), response::body);
            if (limited == null) accepted++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(limited != null, "never limited after 60 posts");
        assertTrue(accepted >= 20 && accepted <= 20 + Math.ceil(seconds), accepted + " accepted in " + seconds + " s");
        assertEquals("rate_limited", errorCode(limited));
        assertEquals("1", limited.headers().firstValue("Retry-After").orElse(null));
        assertEquals(accepted, history(owner, room).size(), "the refused one posted nothing");
        posted(say(other, "another webhook has its own budget"));
    }

    @Test
    void aCreatorWhoCanNoLongerPostThereMakesTheWebhookRefuse(@Guest("wh_co") Login owner, @Guest("wh_cb") Login banned,
            @Guest("wh_ck") Login kicked, @Registered("wh_cd") Login disabled, @Guest("wh_cx") Login deleted) {
        String room = api.createPrivateRoom(owner, "whc");
        for (Login who : List.of(banned, kicked, disabled, deleted)) {
            api.invite(owner, room, who);
            api.join(who, room);
            assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + who.username(), owner.token()).status());
        }
        String bans = made(banned, room, "b").getString("url");
        String kicks = made(kicked, room, "k").getString("url");
        String disables = made(disabled, room, "d").getString("url");
        String deletes = made(deleted, room, "x").getString("url");
        for (String url : List.of(bans, kicks, disables, deletes)) posted(say(url, "still here"));

        assertEquals(204, api.put("/api/rooms/" + room + "/bans/" + banned.username(), owner.token()).status());
        assertEquals(204, api.delete("/api/rooms/" + room + "/members/" + kicked.username(), owner.token()).status());
        assertEquals(204, api.post("/api/admin/users/" + disabled.username() + "/disable", api.admin().token(), null).status());
        assertEquals(204, api.send("DELETE", "/api/users/me", deleted.token(), "{}").status());

        for (String url : List.of(bans, kicks, disables)) {
            HttpResponse<String> refusal = say(url, "gone?");
            assertEquals(403, refusal.statusCode(), refusal::body);
            assertEquals("forbidden", errorCode(refusal));
        }
        HttpResponse<String> gone = say(deletes, "gone?");
        assertEquals(404, gone.statusCode(), "a deleted account's webhooks are deleted with it: " + gone.body());
        assertEquals(4, history(owner, room).size(), "nothing posted by the refusals");
        List<String> left = api.get("/api/rooms/" + room + "/webhooks", owner.token()).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(h -> h.getString("name")).toList();
        assertEquals(List.of("b", "k", "d"), left);
    }
}
