package dev.parley.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Reply;
import dev.parley.support.Api.Login;
import dev.parley.support.Users.Registered;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Listing, ending and refreshing sessions; a token is refused everywhere once its session has ended. */
class SessionsIT {
    private final Api api = Api.server();

    @Test
    void listingShowsEveryLiveSessionAndMarksTheCurrentOne(@Registered("list") Login first) {
        Login second = api.login(first.username());
        Reply reply = api.get("/api/sessions", second.token());
        assertEquals(200, reply.status());
        JsonArray listed = reply.structure().asJsonArray();
        assertEquals(2, listed.size());
        for (JsonObject s : listed.getValuesAs(JsonObject.class)) {
            assertEquals(s.getString("id").equals(second.sessionId()), s.getBoolean("current"));
            assertEquals(0, s.getInt("connections"));
            assertEquals("127.0.0.1", s.getString("ip"));
            assertTrue(s.containsKey("userAgent"));
            for (String at : List.of("createdAt", "lastSeenAt", "expiresAt")) {
                assertTrue(CONTRACT_INSTANT.matcher(s.getString(at)).matches(), at + " as the contract writes it: " + s);
            }
        }
    }

    /** ISO-8601 UTC to the millisecond ({@code 2026-11-21T10:15:30.123Z}); a whole second has no fraction. */
    private static final Pattern CONTRACT_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");

    @Test
    void logoutRefusesTheToken() {
        refusedAfter(me -> assertEquals(204, api.post("/api/auth/logout", me.token(), null).status()));
    }

    @Test
    void logoutAllRefusesEveryTokenOfTheUser(@Registered("all") Login first) {
        Login second = api.login(first.username());
        Reply reply = api.post("/api/auth/logout-all", first.token(), null);
        assertTerminated(2, reply);
        assertRefused(first.token());
        assertRefused(second.token());
    }

    @Test
    void endingOneSessionRefusesItsToken(@Registered("one") Login doomed) {
        Login other = api.login(doomed.username());
        assertEquals(204, api.delete("/api/sessions/" + doomed.sessionId(), other.token()).status());
        assertRefused(doomed.token());
        assertEquals(200, api.get("/api/users/me", other.token()).status());
    }

    @Test
    void terminatingOthersKeepsOnlyTheCurrentSession(@Registered("keep") Login keep) {
        Login a = api.login(keep.username());
        Login b = api.login(keep.username());
        Reply reply = api.post("/api/sessions/terminate-others", keep.token(), null);
        assertTerminated(2, reply);
        assertRefused(a.token());
        assertRefused(b.token());
        JsonArray left = api.get("/api/sessions", keep.token()).structure().asJsonArray();
        assertEquals(List.of(keep.sessionId()), left.getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList());
    }

    @Test
    void anotherUsersSessionCannotBeEndedOrEvenSeen(@Registered("owner") Login owner, @Registered("stranger") Login stranger) {
        Reply reply = api.delete("/api/sessions/" + owner.sessionId(), stranger.token());
        assertEquals(404, reply.status());
        assertEquals("not_found", reply.errorCode());
        assertEquals(200, api.get("/api/users/me", owner.token()).status());
    }

    @Test
    void refreshGivesANewTokenForTheSameSession(@Registered("refresh") Login me) {
        Reply reply = api.post("/api/auth/refresh", me.token(), null);
        assertEquals(200, reply.status());
        JsonObject body = reply.json();
        String token = body.getString("token");
        assertNotEquals(me.token(), token);
        assertEquals(me.sessionId(), body.getJsonObject("session").getString("id"));
        assertEquals(200, api.get("/api/users/me", token).status());
        api.post("/api/auth/logout", token, null);
        assertRefused(me.token()); // both tokens belong to the one session that ended
    }

    @Test
    void aMalformedTokenGetsTheContractsError() {
        assertRefused("not-a-token");
        assertRefused("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
    }

    private void refusedAfter(Consumer<Login> ending) {
        Login me = api.registerAndLogin("ended");
        assertEquals(200, api.get("/api/users/me", me.token()).status());
        ending.accept(me);
        assertRefused(me.token());
    }

    private static void assertTerminated(int sessions, Reply reply) {
        assertEquals(200, reply.status());
        assertEquals(sessions, reply.json().getInt("terminated"));
    }

    private void assertRefused(String token) {
        for (Reply reply : List.of(api.get("/api/users/me", token), api.get("/api/sessions", token),
                api.post("/api/rooms/feed/messages", token, Api.json("text", "hi")))) {
            assertEquals(401, reply.status());
            assertEquals("Bearer error=\"invalid_token\"", reply.response().headers().firstValue("WWW-Authenticate").orElse(null));
            assertEquals("unauthorized", reply.errorCode());
        }
    }
}
