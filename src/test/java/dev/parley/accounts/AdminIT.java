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
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Server admins ({@code PARLEY_ADMINS}; the test server names {@code it_admin}): they moderate every
 * room, {@code feed} and private rooms included, and disable accounts, whose sockets are cut and whose
 * logins are refused; anyone else is {@code forbidden}.
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
}
