package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Reply;
import dev.parley.support.Api.Login;
import dev.parley.support.Users.Guest;
import org.junit.jupiter.api.Test;

/**
 * A guest name is never handed to a second person: a name held by any account is a conflict.
 */
class GuestNamesIT {
    private final Api api = Api.server();

    @Test
    void aGuestNameHeldByAGuestIsAConflictInAnyLetterCase(@Guest("Held") Login first) {
        long firstId = first.body().getJsonObject("user").getJsonNumber("id").longValue();
        for (String spelling : new String[] {first.username(), first.username().toUpperCase(), first.username().toLowerCase()}) {
            Reply again = api.post("/api/auth/guest", null, Api.json("username", spelling));
            assertEquals(409, again.status(), spelling);
            assertEquals("conflict", again.errorCode());
        }
        Reply me = api.get("/api/users/me", first.token());
        assertEquals(firstId, me.json().getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals(1, api.get("/api/sessions", first.token()).structure().asJsonArray().size(), "nobody else got a session of it");
    }

    @Test
    void aGuestNameHeldByARegisteredUserIsAConflictInAnyLetterCase() {
        String registered = Api.uniqueName("Owner");
        assertEquals(201, api.register(registered).status());
        for (String spelling : new String[] {registered, registered.toUpperCase(), registered.toLowerCase()}) {
            Reply taken = api.post("/api/auth/guest", null, Api.json("username", spelling));
            assertEquals(409, taken.status(), spelling);
            assertEquals("conflict", taken.errorCode());
        }
    }

    @Test
    void aGuestNameHeldByAGuestWhoLoggedOutIsStillAConflict(@Guest("left") Login first) {
        assertEquals(204, api.post("/api/auth/logout", first.token(), null).status());
        assertEquals(409, api.post("/api/auth/guest", null, Api.json("username", first.username())).status());
    }

    @Test
    void registeringAGuestsNameIsAConflict(@Guest("taken") Login guest) {
        assertEquals(409, api.register(guest.username().toUpperCase()).status());
    }
}
