package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Registration, login and guests, against the server the build started; the two bodies a JSON client
 * could not send (not JSON, none) as well.
 */
class AccountsIT {
    private final Api api = Api.server();

    @Test
    void registeringAnswersTheUser() {
        String name = Api.uniqueName("Reg");
        Reply reply = api.post("/api/auth/register", null, Json.createObjectBuilder()
                .add("username", name).add("password", Api.PASSWORD).add("displayName", "Reggie").build().toString());
        assertEquals(201, reply.status());
        JsonObject user = reply.json().getJsonObject("user");
        assertEquals(name, user.getString("username"));
        assertEquals("Reggie", user.getString("displayName"));
        assertFalse(user.getBoolean("guest"));
        assertTrue(user.getJsonNumber("id").longValue() > 0);
        assertTrue(user.getString("createdAt").endsWith("Z"));
    }

    @Test
    void aTakenNameIsAConflictWhateverItsCase() {
        String name = Api.uniqueName("dup");
        assertEquals(201, api.register(name).status());
        Reply again = api.register(name.toUpperCase());
        assertEquals(409, again.status());
        assertEquals("conflict", again.errorCode());
    }

    @Test
    void badNamesAndPasswordsAreRefusedAndCreateNothing() {
        for (String bad : new String[] {"ab", "has space", "x".repeat(33), "semi;colon"}) {
            Reply reply = api.register(bad);
            assertEquals(400, reply.status(), bad);
            assertEquals("invalid_payload", reply.errorCode());
        }
        String name = Api.uniqueName("pw");
        assertEquals(400, api.post("/api/auth/register", null, Api.credentials(name, "short")).status());
        assertEquals(401, api.post("/api/auth/login", null, Api.credentials(name, "short")).status());
        // Not JSON, and no body at all: only a raw client can send these.
        assertEquals(400, api.post("/api/auth/register", null, "{not json").status());
        assertEquals(400, api.post("/api/auth/register", null, null).status());
    }

    @Test
    void loginAnswersTokenSessionAndUser() {
        String name = Api.uniqueName("login");
        api.register(name);
        Reply reply = api.post("/api/auth/login", null, Api.credentials(name, Api.PASSWORD));
        assertEquals(200, reply.status());
        JsonObject body = reply.json();
        assertEquals("Bearer", body.getString("tokenType"));
        assertEquals(3, body.getString("token").split("\\.").length);
        assertEquals(name, body.getJsonObject("user").getString("username"));
        assertTrue(body.getJsonObject("session").getBoolean("current"));
        assertEquals(body.getString("expiresAt"), body.getJsonObject("session").getString("expiresAt"));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String name = Api.uniqueName("same");
        api.register(name);
        Reply wrongPassword = api.post("/api/auth/login", null, Api.credentials(name, "wrong password"));
        Reply unknownUser = api.post("/api/auth/login", null, Api.credentials(Api.uniqueName("nobody"), "wrong password"));
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.json(), unknownUser.json());
    }

    @Test
    void usersMeIsTheCaller() {
        Api.Login me = api.registerAndLogin("me");
        Reply reply = api.get("/api/users/me", me.token());
        assertEquals(200, reply.status());
        assertEquals(me.username(), reply.json().getJsonObject("user").getString("username"));
        assertEquals(401, api.get("/api/users/me", null).status());
    }

    @Test
    void aGuestLogsInByNameAndCannotTakeARegisteredName() {
        String name = Api.uniqueName("guest");
        Reply guest = api.post("/api/auth/guest", null, Api.json("username", name));
        assertEquals(200, guest.status());
        JsonObject body = guest.json();
        assertTrue(body.getJsonObject("user").getBoolean("guest"));
        assertEquals(200, api.get("/api/users/me", body.getString("token")).status());

        String registered = Api.uniqueName("owner");
        api.register(registered);
        Reply taken = api.post("/api/auth/guest", null, Api.json("username", registered));
        assertEquals(409, taken.status());
        assertEquals("conflict", taken.errorCode());
    }

    // Login throttling: LoginThrottleIT.
}
