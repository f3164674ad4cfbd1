package dev.parley.accounts;

import static dev.parley.support.Rest.bearer;
import static dev.parley.support.Rest.credentials;
import static dev.parley.support.Rest.errorCode;
import static dev.parley.support.Rest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Rest;
import java.util.Map;
import javax.json.JsonObject;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Registration, login and guests through MicroShed Testing's REST clients (docs/testing.md#microshed-testing),
 * against the server the build started. The two bodies a typed client cannot send (not JSON, none) go through
 * {@link Api}. Public, with public static client fields: MicroShed sets them by plain reflection.
 */
@MicroShedTest
public class AccountsIT {
    @RESTClient
    public static Rest.Auth auth;
    @RESTClient
    public static Rest.Users users;

    private final Api api = Api.server();

    @Test
    void registeringAnswersTheUser() {
        String name = Api.uniqueName("Reg");
        Response reply = auth.register(Map.of("username", name, "password", Api.PASSWORD, "displayName", "Reggie"));
        assertEquals(201, reply.getStatus());
        JsonObject user = json(reply).getJsonObject("user");
        assertEquals(name, user.getString("username"));
        assertEquals("Reggie", user.getString("displayName"));
        assertFalse(user.getBoolean("guest"));
        assertTrue(user.getJsonNumber("id").longValue() > 0);
        assertTrue(user.getString("createdAt").endsWith("Z"));
    }

    @Test
    void aTakenNameIsAConflictWhateverItsCase() {
        String name = Api.uniqueName("dup");
        assertEquals(201, auth.register(credentials(name, Api.PASSWORD)).getStatus());
        Response again = auth.register(credentials(name.toUpperCase(), Api.PASSWORD));
        assertEquals(409, again.getStatus());
        assertEquals("conflict", errorCode(again));
    }

    @Test
    void badNamesAndPasswordsAreRefusedAndCreateNothing() {
        for (String bad : new String[] {"ab", "has space", "x".repeat(33), "semi;colon"}) {
            Response reply = auth.register(credentials(bad, Api.PASSWORD));
            assertEquals(400, reply.getStatus(), bad);
            assertEquals("invalid_payload", errorCode(reply));
        }
        String name = Api.uniqueName("pw");
        assertEquals(400, auth.register(credentials(name, "short")).getStatus());
        assertEquals(401, auth.login(credentials(name, "short")).getStatus());
        // Not JSON, and no body at all: only a raw client can send these.
        assertEquals(400, api.post("/api/auth/register", null, "{not json").status());
        assertEquals(400, api.post("/api/auth/register", null, null).status());
    }

    @Test
    void loginAnswersTokenSessionAndUser() {
        String name = Api.uniqueName("login");
        auth.register(credentials(name, Api.PASSWORD));
        Response reply = auth.login(credentials(name, Api.PASSWORD));
        assertEquals(200, reply.getStatus());
        JsonObject body = json(reply);
        assertEquals("Bearer", body.getString("tokenType"));
        assertEquals(3, body.getString("token").split("\\.").length);
        assertEquals(name, body.getJsonObject("user").getString("username"));
        assertTrue(body.getJsonObject("session").getBoolean("current"));
        assertEquals(body.getString("expiresAt"), body.getJsonObject("session").getString("expiresAt"));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String name = Api.uniqueName("same");
        auth.register(credentials(name, Api.PASSWORD));
        Response wrongPassword = auth.login(credentials(name, "wrong password"));
        Response unknownUser = auth.login(credentials(Api.uniqueName("nobody"), "wrong password"));
        assertEquals(401, wrongPassword.getStatus());
        assertEquals(401, unknownUser.getStatus());
        assertEquals(json(wrongPassword), json(unknownUser));
    }

    @Test
    void usersMeIsTheCaller() {
        Api.Login me = api.registerAndLogin("me");
        Response reply = users.me(bearer(me.token()));
        assertEquals(200, reply.getStatus());
        assertEquals(me.username(), json(reply).getJsonObject("user").getString("username"));
        assertEquals(401, users.me(null).getStatus());
    }

    @Test
    void aGuestLogsInByNameAndCannotTakeARegisteredName() {
        String name = Api.uniqueName("guest");
        Response guest = auth.guest(Map.of("username", name));
        assertEquals(200, guest.getStatus());
        JsonObject body = json(guest);
        assertTrue(body.getJsonObject("user").getBoolean("guest"));
        assertEquals(200, users.me(bearer(body.getString("token"))).getStatus());

        String registered = Api.uniqueName("owner");
        auth.register(credentials(registered, Api.PASSWORD));
        Response taken = auth.guest(Map.of("username", registered));
        assertEquals(409, taken.getStatus());
        assertEquals("conflict", errorCode(taken));
    }

    // Login throttling: LoginThrottleIT.
}
