package dev.parley.accounts;

import static dev.parley.support.Rest.array;
import static dev.parley.support.Rest.bearer;
import static dev.parley.support.Rest.credentials;
import static dev.parley.support.Rest.errorCode;
import static dev.parley.support.Rest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Rest;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * A guest name is never handed to a second person: a name held by any account is a conflict. Through
 * MicroShed Testing's REST clients (docs/testing.md#microshed-testing); public, with public static client
 * fields, because MicroShed sets them by plain reflection.
 */
@MicroShedTest
public class GuestNamesIT {
    @RESTClient
    public static Rest.Auth auth;
    @RESTClient
    public static Rest.Users users;
    @RESTClient
    public static Rest.Sessions sessions;

    private final Api api = Api.server();

    @Test
    void aGuestNameHeldByAGuestIsAConflictInAnyLetterCase() {
        Login first = api.guest("Held");
        long firstId = first.body().getJsonObject("user").getJsonNumber("id").longValue();
        for (String spelling : new String[] {first.username(), first.username().toUpperCase(), first.username().toLowerCase()}) {
            Response again = auth.guest(Map.of("username", spelling));
            assertEquals(409, again.getStatus(), spelling);
            assertEquals("conflict", errorCode(again));
        }
        Response me = users.me(bearer(first.token()));
        assertEquals(firstId, json(me).getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals(1, array(sessions.list(bearer(first.token()))).size(), "nobody else got a session of it");
    }

    @Test
    void aGuestNameHeldByARegisteredUserIsAConflictInAnyLetterCase() {
        String registered = Api.uniqueName("Owner");
        assertEquals(201, auth.register(credentials(registered, Api.PASSWORD)).getStatus());
        for (String spelling : new String[] {registered, registered.toUpperCase(), registered.toLowerCase()}) {
            Response taken = auth.guest(Map.of("username", spelling));
            assertEquals(409, taken.getStatus(), spelling);
            assertEquals("conflict", errorCode(taken));
        }
    }

    @Test
    void aGuestNameHeldByAGuestWhoLoggedOutIsStillAConflict() {
        Login first = api.guest("left");
        assertEquals(204, auth.logout(bearer(first.token())).getStatus());
        assertEquals(409, auth.guest(Map.of("username", first.username())).getStatus());
    }

    @Test
    void registeringAGuestsNameIsAConflict() {
        Login guest = api.guest("taken");
        assertEquals(409, auth.register(credentials(guest.username().toUpperCase(), Api.PASSWORD)).getStatus());
    }
}
