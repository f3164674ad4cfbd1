package dev.parley.rooms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import dev.parley.support.Users.Guest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * What changes reaches open pages: {@code PATCH /api/rooms/{name}} (topic, retention) and who may,
 * {@code room_updated} to each member as they see the room (their own role), {@code user_updated} to
 * those who share a room or a conversation with a renamed user; the paged member list; a room's bans
 * and invitations, and who may read them.
 */
class RoomUpdatesIT {
    private final Api api = Api.server();

    private Reply patch(Login by, String room, String json) {
        return api.send("PATCH", "/api/rooms/" + room, by.token(), json);
    }

    private static String body(String topic, String retention) {
        var b = Json.createObjectBuilder();
        if (topic != null) b.add("topic", topic);
        if (retention != null) b.add("retention", retention);
        return b.build().toString();
    }

    private static JsonObject room(Reply reply) {
        assertEquals(200, reply.status(), () -> reply.response().request().method() + " " + reply.response().uri() + ": " + reply.body());
        return reply.json().getJsonObject("room");
    }

    private static void refused(int status, String code, Reply reply) {
        assertEquals(status, reply.status(), () -> reply.response().request().method() + " " + reply.response().uri() + ": " + reply.body());
        assertEquals(code, reply.errorCode());
    }

    /** The next {@code room_updated} about {@code room} (others, from other tests' rooms, are skipped). */
    private static JSONObject updated(Sock sock, String room) {
        while (true) {
            JSONObject update = sock.awaitJson("room_updated");
            if (room.equals(update.getString("name"))) return update;
        }
    }

    @Test
    void theOwnerAndModeratorsChangeTheTopicAndNobodyElseMay(@Guest("ru_t_o") Login owner, @Guest("ru_t_m") Login mod,
            @Guest("ru_t_x") Login member, @Guest("ru_t_s") Login stranger) {
        String room = api.roomOf(owner, mod, member);
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());

        JsonObject changed = room(patch(owner, room, body("  Release planning  ", null)));
        assertEquals("Release planning", changed.getString("topic"), "stripped, as on create");
        assertEquals("owner", changed.getString("role"));
        assertEquals("Second", room(patch(mod, room, body("Second", null))).getString("topic"));
        refused(403, "forbidden", patch(member, room, body("Mine", null)));
        refused(403, "forbidden", patch(member, room, "{}"));
        refused(403, "forbidden", patch(stranger, room, body("Mine", null)));
        refused(400, "invalid_payload", patch(owner, room, body("x".repeat(201), null)));
        refused(400, "invalid_payload", patch(owner, room, "{\"topic\": 5}"));
        refused(400, "invalid_payload", patch(owner, room, "{\"topic\": "));
        refused(400, "invalid_payload", patch(owner, "bad.name", body("x", null)));
        refused(404, "not_found", patch(owner, Api.uniqueRoom("ru_none"), body("x", null)));
        assertEquals("Second", api.room(member, room).getString("topic"), "nothing refused changed it");

        assertEquals("Second", room(patch(owner, room, "{}")).getString("topic"), "an empty change changes nothing");
        assertTrue(room(patch(owner, room, "{\"topic\": null}")).isNull("topic"), "null clears it");
        room(patch(owner, room, body("Back", null)));
        assertTrue(room(patch(mod, room, body("", null))).isNull("topic"), "an empty string clears it");

        String hidden = api.createPrivateRoom(owner, "ru_t_p");
        refused(404, "not_found", patch(stranger, hidden, body("Mine", null)));
        refused(404, "not_found", patch(stranger, hidden, "{\"topic\": 5}"));
        api.invite(owner, hidden, stranger);
        refused(403, "forbidden", patch(stranger, hidden, body("Mine", null)));
    }

    @Test
    void theOwnerOrAnAdminSetsTheRetentionAndABadOneChangesNothing(@Guest("ru_r_o") Login owner, @Guest("ru_r_m") Login mod,
            @Guest("ru_r_x") Login member) {
        Login admin = api.admin();
        String room = api.roomOf(owner, mod, member);
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
        room(patch(owner, room, body("Kept", null)));

        JsonObject kept = room(patch(owner, room, body(null, "P30D")));
        assertEquals("P30D", kept.getString("retention"));
        assertEquals("Kept", kept.getString("topic"), "a field left out is left as it is");
        for (String bad : List.of("soon", "P0D", "-P1D", "P1000Y", "")) {
            refused(400, "invalid_payload", patch(owner, room, body("Changed", bad)));
        }
        refused(400, "invalid_payload", patch(owner, room, "{\"retention\": 30}"));
        refused(403, "forbidden", patch(mod, room, body("Changed", "P90D")));
        refused(403, "forbidden", patch(member, room, body(null, "P90D")));
        JsonObject unchanged = api.room(member, room);
        assertEquals("Kept", unchanged.getString("topic"), "a refused change changes nothing, the topic neither");
        assertEquals("P30D", unchanged.getString("retention"));

        assertEquals("P1Y", room(patch(admin, room, body(null, "p1y"))).getString("retention"), "an admin, not a member");
        JsonObject byDefault = room(patch(owner, room, "{\"retention\": null}"));
        assertTrue(byDefault.isNull("retention"), "null: the server's retention");
        assertEquals("Kept", byDefault.getString("topic"));

        refused(403, "forbidden", patch(member, "feed", body("Mine", null)));
        refused(403, "forbidden", patch(member, "feed", body(null, "P1D")));
        assertEquals("feed", room(patch(admin, "feed", "{}")).getString("name"), "admins change feed");
    }

    @Test
    void everyMemberHearsOfATopicAsTheySeeTheRoomAndANewModeratorAloneOfTheirRole(@Guest("ru_s_o") Login owner,
            @Guest("ru_s_m") Login mod, @Guest("ru_s_x") Login member) {
        String room = api.roomOf(owner, mod, member);
        api.postMessage(owner, room, "one for the others");
        try (Sock owners = api.connect(owner); Sock mods = api.connect(mod); Sock members = api.connect(member, "polling");
             Sock modsOther = api.connect(mod)) {
            assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
            for (Sock s : List.of(mods, modsOther)) {
                JSONObject named = updated(s, room);
                assertEquals("moderator", named.getString("role"));
                assertTrue(named.getBoolean("member"));
            }
            room(patch(owner, room, body("Topic one", null)));
            for (Sock s : List.of(owners, mods, members, modsOther)) {
                JSONObject seen = updated(s, room);
                assertEquals("Topic one", seen.getString("topic"), "the first room_updated the others get is the topic's");
                assertEquals(3, seen.getInt("members"));
                assertTrue(seen.getBoolean("member"));
            }
            assertEquals(204, api.delete("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
            assertEquals("member", updated(mods, room).getString("role"));
            assertEquals("member", updated(modsOther, room).getString("role"));
            assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
            for (Sock s : List.of(mods, modsOther)) assertEquals("moderator", updated(s, room).getString("role"));
            assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status(), "idempotent");
            room(patch(mod, room, body("Topic two", null)));
            JSONObject ownerSees = updated(owners, room);
            JSONObject modSees = updated(mods, room);
            JSONObject memberSees = updated(members, room);
            assertEquals(List.of("owner", "moderator", "member"),
                    List.of(ownerSees.getString("role"), modSees.getString("role"), memberSees.getString("role")), "each their own role");
            assertEquals("Topic two", memberSees.getString("topic"));
            assertEquals(1, memberSees.getInt("unread"), "the member's own unread count");
            assertEquals(0, ownerSees.getInt("unread"));
            assertEquals("Topic two", updated(modsOther, room).getString("topic"), "the moderator heard of the second naming nothing: it changed nothing");
        }
    }

    @Test
    void aHandOverTellsEveryMemberTheirRoleAndTheRetentionReachesThemToo(@Guest("ru_h_o") Login owner, @Guest("ru_h_m") Login mod,
            @Guest("ru_h_x") Login heir) {
        String room = api.roomOf(owner, mod, heir);
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
        try (Sock owners = api.connect(owner); Sock mods = api.connect(mod); Sock heirs = api.connect(heir)) {
            assertEquals(200, api.send("PUT", "/api/rooms/" + room + "/owner", owner.token(), Api.json("username", heir.username())).status());
            assertEquals("moderator", updated(owners, room).getString("role"), "the owner before stays a moderator");
            assertEquals("moderator", updated(mods, room).getString("role"));
            assertEquals("owner", updated(heirs, room).getString("role"));
            room(patch(heir, room, body(null, "P90D")));
            for (Sock s : List.of(owners, mods, heirs)) assertEquals("P90D", updated(s, room).getString("retention"));
        }
    }

    @Test
    void aNewDisplayNameReachesThoseWhoShareARoomOrAConversationAndTheUsersOwnSocketsOnly(@Guest("ru_n_a") Login alice,
            @Guest("ru_n_b") Login roommate, @Guest("ru_n_c") Login correspondent, @Guest("ru_n_d") Login stranger) {
        api.roomOf(alice, roommate);
        api.postDirect(correspondent, alice.username(), "hello");
        try (Sock alices = api.connect(alice); Sock roommates = api.connect(roommate); Sock correspondents = api.connect(correspondent, "polling");
             Sock strangers = api.connect(stranger)) {
            Reply renamed = api.send("PATCH", "/api/users/me", alice.token(), Api.json("displayName", "Alice Liddell"));
            assertEquals(200, renamed.status(), renamed.body());
            for (Sock s : List.of(alices, roommates, correspondents)) {
                JSONObject news = s.awaitJson("user_updated");
                assertEquals(alice.username(), news.getString("username"));
                assertEquals("Alice Liddell", news.getString("displayName"));
            }
            api.fence(stranger, alices, roommates, correspondents, strangers);
            assertTrue(strangers.noMore("user_updated"), "feed alone shares nothing");
            for (Sock s : List.of(alices, roommates, correspondents)) assertTrue(s.noMore("user_updated"), "once each");
        }
    }

    @Test
    void membersArePagedOwnerFirstThenModeratorsThenTheRestEachByUsername(@Guest("ru_p_o") Login owner, @Guest("ru_p_m") Login modA,
            @Guest("ru_p_n") Login modB, @Guest("ru_p_w") Login m1, @Guest("ru_p_x") Login m2, @Guest("ru_p_y") Login m3,
            @Guest("ru_p_s") Login stranger) {
        String room = api.roomOf(owner, m1, modA, m2, modB, m3);
        for (Login mod : List.of(modA, modB)) {
            assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
        }
        List<String> expected = new ArrayList<>();
        expected.add(owner.username());
        expected.addAll(byName(modA, modB));
        expected.addAll(byName(m1, m2, m3));

        List<String> paged = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            JsonObject page = api.get("/api/rooms/" + room + "/members?limit=2" + (after == null ? "" : "&after=" + after), stranger.token()).json();
            List<JsonObject> members = page.getJsonArray("members").getValuesAs(JsonObject.class);
            members.forEach(m -> {
                paged.add(m.getString("username"));
                roles.add(m.getString("role"));
                assertTrue(m.containsKey("displayName") && m.containsKey("online"), m.toString());
            });
            more = page.getBoolean("hasMore");
            after = members.get(members.size() - 1).getString("username");
            pages++;
        }
        assertEquals(expected, paged, "exact across the groups, each once");
        assertEquals(List.of("owner", "moderator", "moderator", "member", "member", "member"), roles);
        assertEquals(3, pages);
        JsonObject all = api.get("/api/rooms/" + room + "/members", owner.token()).json();
        assertEquals(6, all.getJsonArray("members").size());
        assertFalse(all.getBoolean("hasMore"));
        JsonObject fromModerators = api.get("/api/rooms/" + room + "/members?after=" + owner.username(), owner.token()).json();
        assertEquals(expected.subList(1, 6), fromModerators.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("username")).toList());

        for (String limit : List.of("0", "501", "-1", "many")) {
            Reply reply = api.get("/api/rooms/" + room + "/members?limit=" + limit, owner.token());
            assertEquals(400, reply.status(), limit + ": " + reply.body());
        }
        assertEquals(200, api.get("/api/rooms/" + room + "/members?limit=500", owner.token()).status());

        try (Sock online = api.connect(m2)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/rooms/" + room + "/members", owner.token()).json()
                    .getJsonArray("members").getValuesAs(JsonObject.class).stream()
                    .anyMatch(m -> m.getString("username").equals(m2.username()) && m.getBoolean("online")));
        }

        String hidden = api.createPrivateRoom(owner, "ru_p_p");
        refused(404, "not_found", api.get("/api/rooms/" + hidden + "/members", stranger.token()));
        refused(404, "not_found", api.get("/api/rooms/" + hidden + "/members?limit=many", stranger.token()));
        api.invite(owner, hidden, stranger);
        refused(403, "forbidden", api.get("/api/rooms/" + hidden + "/members", stranger.token()));
    }

    private static List<String> byName(Login... users) {
        return Stream.of(users).map(Login::username).sorted((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT))).toList();
    }

    @Test
    void theOwnerModeratorsAndAdminsReadWhoIsBannedAndInvitedByWhomAndWhen(@Guest("ru_b_o") Login owner, @Guest("ru_b_m") Login mod,
            @Guest("ru_b_x") Login member, @Guest("ru_b_i") Login invitee, @Guest("ru_b_b") Login banned, @Guest("ru_b_s") Login stranger) {
        String room = api.createPrivateRoom(owner, "ru_b");
        api.invite(owner, room, mod);
        api.join(mod, room);
        api.invite(owner, room, member);
        api.join(member, room);
        assertEquals(204, api.put("/api/rooms/" + room + "/moderators/" + mod.username(), owner.token()).status());
        api.invite(mod, room, invitee);
        assertEquals(204, api.put("/api/rooms/" + room + "/bans/" + banned.username(), owner.token()).status());

        for (Login reader : List.of(owner, mod, api.admin())) {
            List<JsonObject> invites = api.get("/api/rooms/" + room + "/invites", reader.token()).structure().asJsonArray()
                    .getValuesAs(JsonObject.class);
            assertEquals(1, invites.size(), invites.toString());
            assertEquals(invitee.username(), invites.get(0).getString("username"));
            assertEquals(invitee.username(), invites.get(0).getString("displayName"));
            assertEquals(mod.username(), invites.get(0).getString("by"));
            assertFalse(invites.get(0).getString("at").isBlank());
            List<JsonObject> bans = api.get("/api/rooms/" + room + "/bans", reader.token()).structure().asJsonArray().getValuesAs(JsonObject.class);
            assertEquals(1, bans.size(), bans.toString());
            assertEquals(banned.username(), bans.get(0).getString("username"));
            assertEquals(owner.username(), bans.get(0).getString("by"));
        }
        for (String list : List.of("bans", "invites")) {
            refused(403, "forbidden", api.get("/api/rooms/" + room + "/" + list, member.token()));
            refused(403, "forbidden", api.get("/api/rooms/" + room + "/" + list, invitee.token()));
            refused(404, "not_found", api.get("/api/rooms/" + room + "/" + list, stranger.token()));
        }
        assertEquals(204, api.delete("/api/rooms/" + room + "/invites/" + invitee.username(), invitee.token()).status(), "declined");
        assertEquals(0, api.get("/api/rooms/" + room + "/invites", owner.token()).structure().asJsonArray().size());
    }
}
