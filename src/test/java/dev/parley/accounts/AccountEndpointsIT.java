package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** PATCH /api/users/me, PUT /api/users/me/password and DELETE /api/users/me, with their failures. */
class AccountEndpointsIT {
    private final Api api = Api.server();

    @Test
    void changingTheDisplayNameAnswersTheUserAndShowsOnMessages(@Guest("rename") Login me) {
        Reply reply = api.send("PATCH", "/api/users/me", me.token(), displayName("  Alice Liddell "));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Alice Liddell", reply.json().getJsonObject("user").getString("displayName"));
        assertEquals(me.username(), reply.json().getJsonObject("user").getString("username"));
        assertEquals("Alice Liddell", displayNameOf(me));
        long id = api.postMessage(me, "feed", "hello as Alice");
        assertEquals("Alice Liddell", feedMessage(me, id).getString("fromDisplayName"));
    }

    @Test
    void aBlankDisplayNameIsTheUsername(@Guest("blank") Login me) {
        api.send("PATCH", "/api/users/me", me.token(), displayName("Someone"));
        Reply reply = api.send("PATCH", "/api/users/me", me.token(), displayName("   "));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(me.username(), displayNameOf(me));
    }

    @Test
    void displayNamesWithControlOrFormatCharactersOrTooLongAreRefusedAndChangeNothing(@Guest("badname") Login me) {
        api.send("PATCH", "/api/users/me", me.token(), displayName("Kept"));
        for (String bad : List.of("evil\u202Egnp.exe", "ad\u200Bmin", "bell\u0007", "two\nlines", "nul\u0000x",
                "sep\u2028x", "\uFEFFbom", "x".repeat(65))) {
            Reply reply = api.send("PATCH", "/api/users/me", me.token(), displayName(bad));
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        for (String body : new String[] {null, "{}", "{not json", "{\"displayName\": null}"}) {
            Reply reply = api.send("PATCH", "/api/users/me", me.token(), body);
            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        assertEquals("Kept", displayNameOf(me));
        assertEquals(401, api.send("PATCH", "/api/users/me", null, displayName("Nobody")).status());
    }

    @Test
    void registeringRefusesTheSameBadDisplayNamesAndCreatesNothing() {
        for (String bad : List.of("evil\u202Egnp", "zero\u200Bwidth", "ctl\u001B[31m", "x".repeat(65))) {
            String name = Api.uniqueName("regbad");
            Reply reply = api.post("/api/auth/register", null, Json.createObjectBuilder().add("username", name)
                    .add("password", Api.PASSWORD).add("displayName", bad).build().toString());
            assertEquals(400, reply.status(), reply.body());
            assertEquals("invalid_payload", reply.errorCode());
            assertEquals(201, api.register(name).status(), "the name was not taken by the refused registration");
        }
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsWithPasswordChanged(@Registered("pwchange") Login me) {
        Login other = api.login(me.username());
        List<Sock> others = List.of(Sock.connect(other.token()), Sock.connect(other.token(), "polling"));
        try (Sock mine = Sock.connect(me.token())) {
            Reply reply = api.send("PUT", "/api/users/me/password", me.token(), passwordChange(Api.PASSWORD, "battery staple", null));
            assertEquals(204, reply.status(), reply.body());
            others.forEach(s -> s.awaitTerminated("password_changed"));
            assertEquals(401, api.get("/api/users/me", other.token()).status());
            assertTrue(mine.ack("message", "still here").getBoolean("ok"));
            assertEquals(200, api.get("/api/users/me", me.token()).status());
        }
        assertEquals(401, api.post("/api/auth/login", null, Api.credentials(me.username(), Api.PASSWORD)).status());
        assertEquals(200, api.post("/api/auth/login", null, Api.credentials(me.username(), "battery staple")).status());
    }

    @Test
    void changingThePasswordCanKeepTheOtherSessions(@Registered("pwkeep") Login me) {
        Login other = api.login(me.username());
        try (Sock theirs = Sock.connect(other.token())) {
            Reply reply = api.send("PUT", "/api/users/me/password", me.token(), passwordChange(Api.PASSWORD, "battery staple", false));
            assertEquals(204, reply.status(), reply.body());
            assertEquals(200, api.get("/api/users/me", other.token()).status());
            assertTrue(theirs.ack("message", "still here").getBoolean("ok"));
        }
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndChangesNothing(@Registered("pwwrong") Login me) {
        Login other = api.login(me.username());
        Reply wrong = api.send("PUT", "/api/users/me/password", me.token(), passwordChange("not my password", "battery staple", null));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("unauthorized", wrong.errorCode());
        assertEquals(200, api.get("/api/users/me", other.token()).status(), "no session ended");
        assertEquals(200, api.get("/api/users/me", me.token()).status(), "the asking session lives on");
        assertEquals(200, api.post("/api/auth/login", null, Api.credentials(me.username(), Api.PASSWORD)).status());
        for (String body : new String[] {null, "{}", passwordChange(Api.PASSWORD, "short", null),
                passwordChange(Api.PASSWORD, "x".repeat(129), null), "{\"newPassword\": \"battery staple\"}"}) {
            Reply reply = api.send("PUT", "/api/users/me/password", me.token(), body);
            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertEquals("invalid_payload", reply.errorCode());
        }
        assertEquals(200, api.post("/api/auth/login", null, Api.credentials(me.username(), Api.PASSWORD)).status());
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLogins() {
        // From 127.0.0.9, so that the lock falls on that address and not on the other tests' 127.0.0.1.
        Login me = api.registerAndLogin("pwthrottle");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.sendFrom("127.0.0.9", "PUT", "/api/users/me/password", me.token(),
                    passwordChange("guess " + i + " wrong", "battery staple", null)));
        }
        assertEquals(429, api.postFrom("127.0.0.9", "/api/auth/login", Api.credentials(me.username(), Api.PASSWORD)));
    }

    @Test
    void aGuestHasNoPasswordToChange(@Guest("pwguest") Login guest) {
        Reply reply = api.send("PUT", "/api/users/me/password", guest.token(), passwordChange("anything at all", "battery staple", null));
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.errorCode());
    }

    @Test
    void deletingAnAccountEndsEverySessionKeepsItsMessagesAndFreesTheName(@Registered("doomed") Login doomed) {
        Login other = api.login(doomed.username());
        Login friend = api.guest("friend");
        long roomMessage = api.postMessage(doomed, "feed", "my last words");
        api.postDirect(doomed, friend.username(), "a private goodbye");
        List<Sock> sockets = List.of(Sock.connect(doomed.token()), Sock.connect(other.token(), "polling"));

        Reply wrong = api.send("DELETE", "/api/users/me", doomed.token(), Api.json("password", "not my password"));
        assertEquals(401, wrong.status(), wrong.body());
        Reply missing = api.send("DELETE", "/api/users/me", doomed.token(), "{}");
        assertEquals(400, missing.status(), missing.body());
        assertEquals("invalid_payload", missing.errorCode());
        assertEquals(200, api.get("/api/users/me", doomed.token()).status(), "a refused delete changes nothing");

        Reply deleted = api.send("DELETE", "/api/users/me", doomed.token(), Api.json("password", Api.PASSWORD));
        assertEquals(204, deleted.status(), deleted.body());
        sockets.forEach(s -> s.awaitTerminated("account_deleted"));
        assertEquals(401, api.get("/api/users/me", doomed.token()).status());
        assertEquals(401, api.get("/api/users/me", other.token()).status());
        assertEquals(401, api.post("/api/auth/login", null, Api.credentials(doomed.username(), Api.PASSWORD)).status());

        JsonObject kept = feedMessage(friend, roomMessage);
        assertTrue(kept.isNull("from"), kept.toString());
        assertEquals("Deleted user", kept.getString("fromDisplayName"));
        assertEquals("my last words", kept.getString("text"));
        try (Sock friendSock = Sock.connect(friend.token())) {
            JSONObject sync = friendSock.ack("sync", new JSONObject().put("rooms", new JSONObject().put("feed", roomMessage - 1)));
            JSONObject synced = Sock.ok(sync).getJSONArray("messages").getJSONObject(0);
            assertEquals(roomMessage, synced.getLong("id"));
            assertTrue(synced.isNull("from"));
            assertEquals("Deleted user", synced.getString("fromDisplayName"));
        }

        Reply again = api.register(doomed.username().toUpperCase());
        assertEquals(201, again.status(), "the name is free: " + again.body());
        long oldId = doomed.body().getJsonObject("user").getJsonNumber("id").longValue();
        assertNotEquals(oldId, again.json().getJsonObject("user").getJsonNumber("id").longValue());
        Login newcomer = api.login(doomed.username().toUpperCase());
        assertEquals("[]", api.get("/api/conversations", newcomer.token()).body());
        assertEquals(0, api.get("/api/conversations/" + friend.username() + "/messages", newcomer.token())
                .json().getJsonArray("messages").size());
        assertEquals(1, api.get("/api/sessions", newcomer.token()).structure().asJsonArray().size());
    }

    @Test
    void aGuestDeletesItsAccountWithoutAPassword() {
        for (String body : new String[] {"{}", null}) {
            Login guest = api.guest("guestdel");
            try (Sock sock = Sock.connect(guest.token())) {
                Reply reply = api.send("DELETE", "/api/users/me", guest.token(), body);
                assertEquals(204, reply.status(), reply.body());
                sock.awaitTerminated("account_deleted");
            }
            assertEquals(401, api.get("/api/users/me", guest.token()).status());
            assertEquals(200, api.post("/api/auth/guest", null, Api.json("username", guest.username())).status(), "the name is free");
        }
    }

    /** The portable form (a DELETE's body is dropped by some proxies): the same answers, the same effect. */
    @Test
    void deletingByPostAnswersAsDeleteDoes(@Registered("postdel") Login doomed) {
        for (String body : new String[] {Api.json("password", "not my password"), "{}", null, "[]", "{\"password\": 7}"}) {
            Reply byDelete = api.send("DELETE", "/api/users/me", doomed.token(), body);
            Reply byPost = api.post("/api/users/me/delete", doomed.token(), body);
            assertEquals(byDelete.status(), byPost.status(), body + ": " + byPost.body());
            assertEquals(byDelete.errorCode(), byPost.errorCode(), body);
            assertEquals(body == null || !body.contains("not my") ? 400 : 401, byPost.status(), body + ": " + byPost.body());
        }
        assertEquals(200, api.get("/api/users/me", doomed.token()).status(), "a refused delete changes nothing");
        try (Sock sock = Sock.connect(doomed.token())) {
            Reply deleted = api.post("/api/users/me/delete", doomed.token(), Api.json("password", Api.PASSWORD));
            assertEquals(204, deleted.status(), deleted.body());
            sock.awaitTerminated("account_deleted");
        }
        assertEquals(401, api.get("/api/users/me", doomed.token()).status());
        assertEquals(201, api.register(doomed.username()).status(), "the name is free");

        Login guest = api.guest("postdel_g");
        assertEquals(204, api.post("/api/users/me/delete", guest.token(), "{}").status());
        assertEquals(401, api.get("/api/users/me", guest.token()).status());
    }

    @Test
    void aDeletedUserLeavesEveryRoom(@Guest("gone") Login doomed) {
        String room = api.createRoom(doomed, "gone");
        assertEquals(1, api.room(doomed, room).getInt("members"));
        api.send("DELETE", "/api/users/me", doomed.token(), "{}");
        Login looker = api.guest("looker");
        assertEquals(0, api.room(looker, room).getInt("members"));
        assertTrue(api.room(looker, room).isNull("createdBy"));
    }

    private String displayNameOf(Login login) {
        return api.get("/api/users/me", login.token()).json().getJsonObject("user").getString("displayName");
    }

    private JsonObject feedMessage(Login reader, long id) {
        Reply page = api.get("/api/rooms/feed/messages?after=" + (id - 1) + "&limit=1", reader.token());
        assertEquals(200, page.status(), page.body());
        JsonObject message = page.json().getJsonArray("messages").getJsonObject(0);
        assertEquals(id, message.getJsonNumber("id").longValue());
        return message;
    }

    private static String displayName(String name) {
        return Json.createObjectBuilder().add("displayName", name).build().toString();
    }

    private static String passwordChange(String current, String fresh, Boolean endOthers) {
        var b = Json.createObjectBuilder().add("currentPassword", current).add("newPassword", fresh);
        if (endOthers != null) b.add("endOtherSessions", endOthers);
        return b.build().toString();
    }
}
