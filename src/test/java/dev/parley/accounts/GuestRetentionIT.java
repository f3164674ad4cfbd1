package dev.parley.accounts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.OwnServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guest accounts are deleted a retention after their last session ended (or expired); only then
 * is the name free, for a new account that sees nothing of the old one. On a server of its own
 * with a 2-second retention, a sweep every half second and 10-second tokens.
 */
class GuestRetentionIT {
    @RegisterExtension
    static final OwnServer server = OwnServer.named("retention", 5)
            .with("parley.guest-access", "true")
            .with("parley.guest-retention", "PT2S")
            .with("parley.guest-sweep-interval", "PT0.5S")
            .with("parley.token-ttl", "PT10S")
            // The tests ask for the name again and again until it is free: each ask counts as a sign-up.
            .with("parley.signup.max-per-address", "100000");
    private static final Api api = server.api();

    @Test
    void aGuestWhoLoggedOutIsDeletedAfterTheRetentionAndTheNameComesBackEmpty() {
        Login old = api.guest("ret");
        Login friend = api.guest("retfriend");
        api.postDirect(old, friend.username(), "from the old guest");
        api.postDirect(friend, old.username(), "to the old guest");
        api.readConversation(old, friend.username(), Long.MAX_VALUE / 2);
        Login stillHere = api.guest("retlive"); // logged in throughout: kept
        assertEquals(204, api.post("/api/auth/logout", old.token(), null).status());
        assertEquals(409, guest(old.username()).status(), "not free before the retention");

        Reply fresh = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> guest(old.username()), r -> r.status() == 200);
        assertEquals(409, guest(stillHere.username()).status(), "a guest with a live session is kept");

        Login newcomer = Api.loginOf(old.username(), fresh.json());
        assertNotEquals(id(old), id(newcomer));
        assertEquals("[]", api.get("/api/conversations", newcomer.token()).body());
        assertEquals(0, api.get("/api/conversations/" + friend.username() + "/messages", newcomer.token())
                .json().getJsonArray("messages").size());
        assertEquals(1, api.get("/api/sessions", newcomer.token()).structure().asJsonArray().size());
        assertEquals("[]", api.get("/api/conversations", friend.token()).body(), "the old conversation cannot be named any more");
        Reply friendsView = api.get("/api/conversations/" + newcomer.username() + "/messages", friend.token());
        assertEquals(0, friendsView.json().getJsonArray("messages").size(), friendsView.body());
    }

    @Test
    void aGuestWhoseSessionExpiredIsDeletedAfterTheRetention() {
        Login old = api.guest("retexp"); // never logs out: its session expires after the 10 s token lifetime
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> guest(old.username()).status() == 200);
        assertEquals(401, api.get("/api/users/me", old.token()).status());
    }

    private static Reply guest(String name) {
        return api.post("/api/auth/guest", null, Api.json("username", name));
    }

    private static long id(Login login) {
        return login.body().getJsonObject("user").getJsonNumber("id").longValue();
    }
}
