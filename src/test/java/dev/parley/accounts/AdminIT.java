package dev.parley.accounts;

import static dev.parley.support.Sock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import jakarta.json.JsonObject;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Server admins (a role of an account; the test server makes {@code it_admin} one at startup): they
 * moderate every room, {@code feed} and private rooms included, disable accounts, whose sockets are cut
 * and whose logins are refused, and grant and take the role, which works at once on issued tokens;
 * anyone else is {@code forbidden}.
 */
class AdminIT {
    private final Api api = Api.server();

    @Test
    void anAdminDeletesAnyonesMessageInFeedWhereNobodyElseCan() {
        Login admin = api.admin();
        Login author = api.guest("a_feed_a");
        Login other = api.guest("a_feed_o");
        long spam = api.postMessage(author, "feed", "buy now");
        Reply byOther = api.delete("/api/messages/" + spam, other.token());
        assertEquals(403, byOther.status(), byOther.body());
        assertEquals("forbidden", byOther.errorCode());
        try (Sock admins = Sock.connect(admin.token()); Sock others = Sock.connect(other.token(), "polling")) {
            ok(admins.ack("delete_message", new JSONObject().put("id", spam)));
            assertEquals(spam, others.awaitJson("message_deleted").getLong("id"));
        }
        Reply kick = api.delete("/api/rooms/feed/members/" + author.username(), admin.token());
        assertEquals(403, kick.status(), "nobody is removed from feed: " + kick.body());
    }

    @Test
    void anAdminModeratesEveryRoomPrivateOnesIncludedAndCannotBeRemoved() {
        Login admin = api.admin();
        Login owner = api.guest("a_room_o");
        Login member = api.guest("a_room_m");
        String room = api.createPrivateRoom(owner, "a_room");
        api.invite(owner, room, member);
        api.join(member, room);
        long words = api.postMessage(owner, room, "owner's words");
        assertFalse(api.listed(admin).contains(room), "a private room is listed only to its members and invitees");
        assertEquals(200, api.get("/api/rooms/" + room + "/messages", admin.token()).status());
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + member.username(), admin.token()).status());
        assertEquals(204, api.delete("/api/messages/" + words, admin.token()).status());
        Reply handed = api.send("PUT", "/api/rooms/" + room + "/owner", admin.token(), Api.json("username", member.username()));
        assertEquals(200, handed.status(), handed.body());
        assertEquals("owner", api.room(member, room).getString("role"));
        try (Sock owners = Sock.connect(owner.token())) {
            assertEquals(204, api.delete("/api/rooms/" + room + "/members/" + owner.username(), admin.token()).status());
            assertEquals("kicked", owners.awaitJson("room_removed").getString("reason"));
        }
        assertEquals(200, api.put("/api/rooms/" + room + "/members/me", admin.token()).status(), "an admin joins any room");
        Reply banAdmin = api.put("/api/rooms/" + room + "/bans/" + Api.ADMIN, member.token());
        assertEquals(403, banAdmin.status(), banAdmin.body());
    }

    @Test
    void aDisabledAccountsSocketsAreCutAndItsLoginRefusedUntilEnabled() {
        Login admin = api.admin();
        Login victim = api.registerAndLogin("a_dis");
        Login second = api.login(victim.username());
        try (Sock ws = Sock.connect(victim.token()); Sock polling = Sock.connect(second.token(), "polling")) {
            assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/disable", admin.token(), null).status());
            ws.awaitTerminated("revoked");
            polling.awaitTerminated("revoked");
        }
        for (Login ended : List.of(victim, second)) assertEquals(401, api.get("/api/users/me", ended.token()).status());
        Reply login = api.post("/api/auth/login", null, Api.credentials(victim.username(), Api.PASSWORD));
        assertEquals(403, login.status(), login.body());
        assertEquals("forbidden", login.errorCode());
        Reply wrong = api.post("/api/auth/login", null, Api.credentials(victim.username(), "not the password"));
        assertEquals(401, wrong.status(), "a wrong password tells nothing of the account: " + wrong.body());
        assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/disable", admin.token(), null).status(), "idempotent");

        assertEquals(204, api.post("/api/admin/users/" + victim.username() + "/enable", admin.token(), null).status());
        Login back = api.login(victim.username());
        assertEquals(200, api.get("/api/users/me", back.token()).status());
    }

    @Test
    void theAdminEndpointsAreForbiddenToEveryoneElse(@Guest("a_nope_u") Login user, @Guest("a_nope_t") Login target) {
        for (String action : List.of("disable", "enable")) {
            Reply reply = api.post("/api/admin/users/" + target.username() + "/" + action, user.token(), null);
            assertEquals(403, reply.status(), reply.body());
            assertEquals("forbidden", reply.errorCode());
            assertEquals(401, api.post("/api/admin/users/" + target.username() + "/" + action, null, null).status());
        }
        assertEquals(200, api.get("/api/users/me", target.token()).status(), "nothing happened to the target");
        Login admin = api.admin();
        assertEquals(404, api.post("/api/admin/users/" + Api.uniqueName("nobody") + "/disable", admin.token(), null).status());
        Reply self = api.post("/api/admin/users/" + Api.ADMIN + "/disable", admin.token(), null);
        assertEquals(403, self.status(), "an admin cannot be disabled: " + self.body());
        String openapi = api.get("/openapi", null).body();
        assertTrue(openapi.contains("/api/admin/users/{username}/disable"), "the admin endpoints are documented");
    }

    @Test
    void theStartupAdminIsAnAdminInItsUserObjectAndNobodyElseIs(@Registered("a_plain_r") Login registered, @Guest("a_plain_g") Login guest) {
        Login admin = api.admin();
        JsonObject user = admin.body().getJsonObject("user");
        assertTrue(user.getBoolean("admin"), user.toString());
        assertFalse(user.getBoolean("bot"), user.toString());
        assertTrue(me(admin).getBoolean("admin"));
        try (Sock sock = Sock.connect(admin.token())) {
            JSONObject ready = sock.awaitReady().getJSONObject("user");
            assertTrue(ready.getBoolean("admin"), ready.toString());
            assertFalse(ready.getBoolean("bot"), ready.toString());
        }
        for (Login other : List.of(registered, guest)) {
            assertFalse(me(other).getBoolean("admin"), other.username());
            assertFalse(me(other).getBoolean("bot"), other.username());
        }
    }

    @Test
    void grantingAndTakingTheRoleWorksAtOnceOnATokenAlreadyIssued(@Registered("a_grant") Login user, @Guest("a_grant_t") Login target) {
        Login admin = api.admin();
        assertEquals(403, disable(user, target).status(), "not an admin yet");

        assertEquals(204, api.put("/api/admin/users/" + user.username() + "/admin", admin.token()).status());
        assertTrue(me(user).getBoolean("admin"), "the same token, at once");
        assertEquals(204, disable(user, target).status(), "acts as an admin");
        assertEquals(204, api.post("/api/admin/users/" + target.username() + "/enable", user.token(), null).status());
        assertEquals(204, api.put("/api/admin/users/" + user.username() + "/admin", admin.token()).status(), "granting twice changes nothing");
        Reply disableAdmin = api.post("/api/admin/users/" + user.username() + "/disable", admin.token(), null);
        assertEquals(403, disableAdmin.status(), "an admin cannot be disabled: " + disableAdmin.body());

        assertEquals(204, api.delete("/api/admin/users/" + user.username() + "/admin", admin.token()).status());
        assertFalse(me(user).getBoolean("admin"), "taken at once");
        Reply after = disable(user, target);
        assertEquals(403, after.status(), after.body());
        assertEquals("forbidden", after.errorCode());
        assertEquals(204, api.delete("/api/admin/users/" + user.username() + "/admin", admin.token()).status(), "taking twice changes nothing");
    }

    @Test
    void anAdminCannotChangeTheirOwnRoleNorMakeAGuestAnAdmin(@Guest("a_role_g") Login guest) {
        Login admin = api.admin();
        for (String method : List.of("PUT", "DELETE")) {
            Reply self = api.send(method, "/api/admin/users/" + Api.ADMIN + "/admin", admin.token(), null);
            assertEquals(403, self.status(), method + " on oneself: " + self.body());
            assertEquals("forbidden", self.errorCode());
            assertEquals(404, api.send(method, "/api/admin/users/" + Api.uniqueName("nobody") + "/admin", admin.token(), null).status());
        }
        assertTrue(me(admin).getBoolean("admin"), "still an admin");
        Reply toGuest = api.put("/api/admin/users/" + guest.username() + "/admin", admin.token());
        assertEquals(403, toGuest.status(), toGuest.body());
        assertEquals("forbidden", toGuest.errorCode());
        assertFalse(me(guest).getBoolean("admin"));
    }

    @Test
    void grantingAndTakingAreForbiddenToOthersWhateverTheyName(@Registered("a_role_u") Login user, @Registered("a_role_o") Login other) {
        for (String method : List.of("PUT", "DELETE")) {
            for (String name : List.of(other.username(), user.username(), Api.ADMIN, Api.uniqueName("nobody"))) {
                Reply reply = api.send(method, "/api/admin/users/" + name + "/admin", user.token(), null);
                assertEquals(403, reply.status(), method + " " + name + ": " + reply.body());
                assertEquals("forbidden", reply.errorCode());
            }
            assertEquals(401, api.send(method, "/api/admin/users/" + other.username() + "/admin", null, null).status());
        }
        assertFalse(me(other).getBoolean("admin"));
        assertFalse(me(user).getBoolean("admin"));
        assertTrue(me(api.admin()).getBoolean("admin"), "the admin keeps the role");
    }

    /** The attack of issue #21: an admin's name, freed by deleting the account, registered by someone else. */
    @Test
    void theRoleGoesWithADeletedAccountAndNotToWhoeverRegistersItsNameAgain(@Registered("a_gone") Login gone, @Guest("a_gone_t") Login target) {
        Login admin = api.admin();
        Login owner = api.guest("a_gone_o");
        String room = api.createPrivateRoom(owner, "a_gone");
        assertEquals(204, api.put("/api/admin/users/" + gone.username() + "/admin", admin.token()).status());
        assertEquals(200, api.get("/api/rooms/" + room + "/messages", gone.token()).status(), "an admin reads the private room");
        assertEquals(204, api.post("/api/users/me/delete", gone.token(), Api.json("password", Api.PASSWORD)).status());

        Reply again = api.register(gone.username());
        assertEquals(201, again.status(), "the name is free: " + again.body());
        assertFalse(again.json().getJsonObject("user").getBoolean("admin"), again.body());
        Login newcomer = api.login(gone.username());
        assertFalse(newcomer.body().getJsonObject("user").getBoolean("admin"));
        assertEquals(404, api.get("/api/rooms/" + room + "/messages", newcomer.token()).status(), "the private room stays hidden");
        assertEquals(403, disable(newcomer, target).status());
        assertEquals(200, api.get("/api/users/me", target.token()).status(), "nothing happened to the target");
    }

    private Reply disable(Login by, Login target) {
        return api.post("/api/admin/users/" + target.username() + "/disable", by.token(), null);
    }

    private JsonObject me(Login login) {
        Reply reply = api.get("/api/users/me", login.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("user");
    }
}
