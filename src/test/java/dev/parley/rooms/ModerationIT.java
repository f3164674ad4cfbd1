package dev.parley.rooms;

import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.inRoom;
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
import java.util.function.Supplier;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Owners, moderators, members, non-members and server admins: who may remove, ban, name moderators,
 * hand a room over and delete others' messages; and a removal cutting every socket of the removed
 * user off the room at once.
 */
class ModerationIT {
    private final Api api = Api.server();

    private static void refused(int status, String code, Reply reply) {
        assertEquals(status, reply.status(), () -> reply.response().request().method() + " " + reply.response().uri() + ": " + reply.body());
        assertEquals(code, reply.errorCode());
    }

    private Reply kick(Login by, String room, Login who) {
        return api.delete("/api/rooms/" + room + "/members/" + who.username(), by.token());
    }

    private Reply ban(Login by, String room, Login who) {
        return api.put("/api/rooms/" + room + "/bans/" + who.username(), by.token());
    }

    private Reply moderator(Login by, String room, Login who) {
        return api.put("/api/rooms/" + room + "/moderators/" + who.username(), by.token());
    }

    private Reply handOver(Login by, String room, Login to) {
        return api.send("PUT", "/api/rooms/" + room + "/owner", by.token(), Api.json("username", to.username()));
    }

    /** Posts to feed and reads each socket's messages up to that one: none of them is from {@code room}. */
    private void nothingFrom(String room, Login poster, Sock... socks) {
        long fence = api.postMessage(poster, "feed", "fence");
        for (Sock s : socks) {
            while (true) {
                JSONObject m = s.awaitJson("message");
                if (m.getLong("id") == fence) break;
                assertFalse(room.equals(m.optString("room")), () -> "a removed user got " + m);
            }
        }
    }

    @Test
    void aMemberAndANonMemberMayDoNoneOfTheModeratorsActions(@Guest("m_no_o") Login owner, @Guest("m_no_m") Login member,
            @Guest("m_no_x") Login other, @Guest("m_no_s") Login outsider) {
        String room = api.roomOf(owner, member, other);
        for (Login who : List.of(member, outsider)) {
            for (Supplier<Reply> action : List.<Supplier<Reply>>of(() -> kick(who, room, other), () -> ban(who, room, other),
                    () -> moderator(who, room, other), () -> handOver(who, room, other),
                    () -> api.delete("/api/rooms/" + room + "/bans/" + other.username(), who.token()),
                    () -> api.post("/api/rooms/" + room + "/invites", who.token(), Api.json("username", other.username())))) {
                refused(403, "forbidden", action.get());
            }
        }
        assertTrue(api.room(other, room).getBoolean("member"));
        String hidden = api.createPrivateRoom(owner, "m_no_p");
        refused(404, "not_found", kick(outsider, hidden, owner));
        refused(404, "not_found", ban(outsider, hidden, owner));
    }

    @Test
    void theOwnerNamesModeratorsWhoRemoveMembersButNeverTheOwnerOrEachOther(@Guest("m_mod_o") Login owner, @Guest("m_mod_m") Login mod,
            @Guest("m_mod_n") Login mod2, @Guest("m_mod_x") Login member) {
        String room = api.roomOf(owner, mod, mod2, member);
        assertEquals(204, moderator(owner, room, mod).status());
        assertEquals(204, moderator(owner, room, mod2).status());
        assertEquals("moderator", api.room(mod, room).getString("role"));
        refused(403, "forbidden", moderator(mod, room, member));
        refused(403, "forbidden", kick(mod, room, owner));
        refused(403, "forbidden", ban(mod, room, owner));
        refused(403, "forbidden", kick(mod, room, mod2));
        refused(409, "conflict", moderator(owner, room, owner));
        refused(404, "not_found", moderator(owner, room, api.guest("m_mod_s")));
        refused(400, "invalid_payload", kick(mod, room, mod));

        assertEquals(204, kick(mod, room, member).status());
        assertFalse(api.room(member, room).getBoolean("member"));
        refused(404, "not_found", kick(mod, room, member));
        api.join(member, room); // a kick is no ban
        assertEquals(204, kick(owner, room, mod2).status(), "the owner removes a moderator");
        assertEquals(204, api.delete("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
        assertEquals("member", api.room(mod, room).getString("role"));
        refused(403, "forbidden", kick(mod, room, member));
    }

    @Test
    void theOwnerHandsTheRoomOverAndMayThenLeaveIt(@Guest("m_own_o") Login owner, @Guest("m_own_h") Login heir) {
        String room = api.roomOf(owner, heir);
        refused(403, "forbidden", api.delete("/api/rooms/" + room + "/members/me", owner.token()));
        refused(404, "not_found", handOver(owner, room, api.guest("m_own_s")));
        Reply handed = handOver(owner, room, heir);
        assertEquals(200, handed.status(), handed.body());
        assertEquals("moderator", handed.json().getJsonObject("room").getString("role"));
        assertEquals("owner", api.room(heir, room).getString("role"));
        refused(403, "forbidden", handOver(owner, room, owner));
        assertEquals(204, api.delete("/api/rooms/" + room + "/members/me", owner.token()).status());
    }

    @Test
    void anOwnerWhoDeletesTheirAccountLeavesTheRoomToItsModerator(@Guest("m_del_o") Login owner, @Guest("m_del_m") Login member,
            @Guest("m_del_d") Login moderator) {
        String room = api.roomOf(owner, member, moderator); // the member joined before the moderator
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + moderator.username(), owner.token()).status());
        assertEquals(204, api.send("DELETE", "/api/users/me", owner.token(), "{}").status());

        assertEquals("owner", api.room(moderator, room).getString("role"));
        assertEquals("member", api.room(member, room).getString("role"));
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + member.username(), moderator.token()).status());
    }

    @Test
    void aKickCutsEverySocketOfTheUserOffTheRoomAtOnce(@Guest("m_cut_o") Login owner, @Guest("m_cut_k") Login kicked) {
        String room = api.roomOf(owner, kicked);
        try (Sock ws = Sock.connect(kicked.token()); Sock polling = Sock.connect(kicked.token(), "polling");
             Sock owners = Sock.connect(owner.token())) {
            long before = api.postMessage(owner, room, "before");
            for (Sock s : List.of(ws, polling)) s.awaitMessage(before);
            assertEquals(204, kick(owner, room, kicked).status());
            for (Sock s : List.of(ws, polling)) {
                JSONObject removed = s.awaitJson("room_removed");
                assertEquals(room, removed.getString("room"));
                assertEquals("kicked", removed.getString("reason"));
            }
            ok(owners.ack("message", Sock.say(room, "after the kick")));
            owners.ack("typing", inRoom(room));
            nothingFrom(room, owner, ws, polling);
            assertTrue(ws.noMore("typing") && polling.noMore("typing"));
            assertEquals("forbidden", ackError(ws.ack("message", Sock.say(room, "still here?"))));
            assertFalse(api.room(kicked, room).getBoolean("member"));
        }
    }

    @Test
    void aBanRemovesCutsTheSocketsAndHoldsAgainstJoinAndInviteUntilLifted(@Guest("m_ban_o") Login owner, @Guest("m_ban_m") Login mod,
            @Guest("m_ban_b") Login banned) {
        String room = api.createPrivateRoom(owner, "m_ban");
        for (Login who : List.of(mod, banned)) {
            api.invite(owner, room, who);
            api.join(who, room);
        }
        assertEquals(204, moderator(owner, room, mod).status());
        try (Sock ws = Sock.connect(banned.token()); Sock polling = Sock.connect(banned.token(), "polling")) {
            assertEquals(204, ban(mod, room, banned).status());
            for (Sock s : List.of(ws, polling)) assertEquals("banned", s.awaitJson("room_removed").getString("reason"));
            api.postMessage(owner, room, "after the ban");
            nothingFrom(room, owner, ws, polling);
            assertEquals(204, ban(mod, room, banned).status(), "banning again changes nothing");
            refused(403, "forbidden", api.put("/api/rooms/" + room + "/members/me", banned.token()));
            assertEquals("forbidden", ackError(ws.ack("join", inRoom(room))));
            refused(403, "forbidden", api.post("/api/rooms/" + room + "/invites", owner.token(), Api.json("username", banned.username())));
            refused(404, "not_found", api.get("/api/rooms/" + room + "/messages", banned.token()));
            assertTrue(ws.noMore("room_invited"));

            assertEquals(204, api.delete("/api/rooms/" + room + "/bans/" + banned.username(), mod.token()).status());
            api.invite(mod, room, banned);
            assertEquals(room, ws.awaitJson("room_invited").getString("name"));
            assertTrue(ok(ws.ack("join", inRoom(room))).getJSONObject("room").getBoolean("member"));
        }
        Login stranger = api.guest("m_ban_s");
        assertEquals(204, ban(owner, room, stranger).status(), "a non-member can be banned before they come");
        refused(403, "forbidden", api.post("/api/rooms/" + room + "/invites", owner.token(), Api.json("username", stranger.username())));
    }

    @Test
    void moderatorsDeleteOthersMessagesInTheirRoomAndMembersDoNot(@Guest("m_del_o") Login owner, @Guest("m_del_m") Login mod,
            @Guest("m_del_x") Login member) {
        String room = api.roomOf(owner, mod, member);
        assertEquals(204, moderator(owner, room, mod).status());
        long ownersWords = api.postMessage(owner, room, "from the owner");
        long membersWords = api.postMessage(member, room, "spam");
        long moreSpam = api.postMessage(member, room, "more spam");
        refused(403, "forbidden", api.delete("/api/messages/" + ownersWords, member.token()));
        try (Sock mods = Sock.connect(mod.token()); Sock members = Sock.connect(member.token(), "polling")) {
            ok(mods.ack("delete_message", new JSONObject().put("id", membersWords)));
            JSONObject deleted = members.awaitJson("message_deleted");
            assertEquals(membersWords, deleted.getLong("id"));
            assertEquals(member.username(), deleted.getString("from"));
            assertEquals(204, api.delete("/api/messages/" + moreSpam, owner.token()).status());
            assertEquals(membersWords, mods.awaitJson("message_deleted").getLong("id"), "the acting socket is told too");
            assertEquals(moreSpam, mods.awaitJson("message_deleted").getLong("id"));
        }
        String elsewhere = api.roomOf(member, mod);
        long notHis = api.postMessage(member, elsewhere, "not his room to moderate");
        refused(403, "forbidden", api.delete("/api/messages/" + notHis, mod.token()));
        refused(403, "forbidden", api.delete("/api/messages/" + api.postMessage(member, "feed", "in feed"), owner.token()));
    }
}
