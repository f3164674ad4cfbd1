package dev.parley.sessions;

import static dev.parley.support.Rest.array;
import static dev.parley.support.Rest.bearer;
import static dev.parley.support.Rest.errorCode;
import static dev.parley.support.Rest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Rest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Listing and ending sessions, through MicroShed Testing's REST clients (docs/testing.md#microshed-testing);
 * the users and logins a test starts from come from {@link Api}, as everywhere in the suite. Public, with
 * public static client fields: MicroShed sets them by plain reflection.
 */
@MicroShedTest
public class SessionsIT {
    @RESTClient
    public static Rest.Auth auth;
    @RESTClient
    public static Rest.Sessions sessions;
    @RESTClient
    public static Rest.Users users;
    @RESTClient
    public static Rest.Rooms rooms;

    private final Api api = Api.server();

    @Test
    void listingShowsEveryLiveSessionAndMarksTheCurrentOne() {
        Login first = api.registerAndLogin("list");
        Login second = api.login(first.username());
        Response reply = sessions.list(bearer(second.token()));
        assertEquals(200, reply.getStatus());
        JsonArray listed = array(reply);
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
        refusedAfter(me -> assertEquals(204, auth.logout(bearer(me.token())).getStatus()));
    }

    @Test
    void logoutAllRefusesEveryTokenOfTheUser() {
        Login first = api.registerAndLogin("all");
        Login second = api.login(first.username());
        Response reply = auth.logoutAll(bearer(first.token()));
        assertEquals(200, reply.getStatus());
        assertEquals(2, json(reply).getInt("terminated"));
        assertRefused(first.token());
        assertRefused(second.token());
    }

    @Test
    void endingOneSessionRefusesItsToken() {
        Login doomed = api.registerAndLogin("one");
        Login other = api.login(doomed.username());
        assertEquals(204, sessions.end(bearer(other.token()), doomed.sessionId()).getStatus());
        assertRefused(doomed.token());
        assertEquals(200, users.me(bearer(other.token())).getStatus());
    }

    @Test
    void terminatingOthersKeepsOnlyTheCurrentSession() {
        Login keep = api.registerAndLogin("keep");
        Login a = api.login(keep.username());
        Login b = api.login(keep.username());
        Response reply = sessions.terminateOthers(bearer(keep.token()));
        assertEquals(200, reply.getStatus());
        assertEquals(2, json(reply).getInt("terminated"));
        assertRefused(a.token());
        assertRefused(b.token());
        JsonArray left = array(sessions.list(bearer(keep.token())));
        assertEquals(List.of(keep.sessionId()), left.getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList());
    }

    @Test
    void anotherUsersSessionCannotBeEndedOrEvenSeen() {
        Login owner = api.registerAndLogin("owner");
        Login stranger = api.registerAndLogin("stranger");
        Response reply = sessions.end(bearer(stranger.token()), owner.sessionId());
        assertEquals(404, reply.getStatus());
        assertEquals("not_found", errorCode(reply));
        assertEquals(200, users.me(bearer(owner.token())).getStatus());
    }

    @Test
    void refreshGivesANewTokenForTheSameSession() {
        Login me = api.registerAndLogin("refresh");
        Response reply = auth.refresh(bearer(me.token()));
        assertEquals(200, reply.getStatus());
        JsonObject body = json(reply);
        String token = body.getString("token");
        assertNotEquals(me.token(), token);
        assertEquals(me.sessionId(), body.getJsonObject("session").getString("id"));
        assertEquals(200, users.me(bearer(token)).getStatus());
        auth.logout(bearer(token));
        assertRefused(me.token()); // both tokens belong to the one session that ended
    }

    @Test
    void aMalformedTokenGetsTheContractsError() {
        assertRefused("not-a-token");
        assertRefused("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
    }

    private void refusedAfter(Consumer<Login> ending) {
        Login me = api.registerAndLogin("ended");
        assertEquals(200, users.me(bearer(me.token())).getStatus());
        ending.accept(me);
        assertRefused(me.token());
    }

    private void assertRefused(String token) {
        for (Response reply : List.of(users.me(bearer(token)), sessions.list(bearer(token)),
                rooms.post(bearer(token), "feed", Map.of("text", "hi")))) {
            assertEquals(401, reply.getStatus());
            assertEquals("Bearer error=\"invalid_token\"", reply.getHeaderString("WWW-Authenticate"));
            assertEquals("unauthorized", errorCode(reply));
        }
    }
}
