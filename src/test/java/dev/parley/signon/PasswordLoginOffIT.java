package dev.parley.signon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Reply;
import dev.parley.support.Browser;
import dev.parley.support.OwnServer;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * {@code PARLEY_PASSWORD_LOGIN=false}: password login and registration are refused to everyone but
 * server admins. On a server of its own, first started with password login on (to register an
 * ordinary account), then again with it off. Its sign-on names a provider that is not there: the
 * server starts all the same, and each sign-in tries to reach the provider again.
 */
class PasswordLoginOffIT {
    private static final String ADMIN = "own_admin";
    private static final String ADMIN_PASSWORD = "own-admin-password";

    @RegisterExtension
    static final OwnServer server = OwnServer.named("no_passwords", 5)
            .with("parley.admin.username", ADMIN)
            .with("parley.admin.password", ADMIN_PASSWORD)
            .with("parley.guest-access", "true")
            .with("parley.oidc.issuer", "http://127.0.0.1:1/realms/absent")
            .with("parley.oidc.client-id", "parley")
            .with("parley.oidc.client-secret", "not-used");
    private static final Api api = server.api();

    @BeforeAll
    static void anOrdinaryAccountFromBeforeThenPasswordLoginOff() {
        assertEquals(201, api.register("pw_plain").status());
        server.close();
        server.with("parley.password-login", "false").restart();
    }

    @Test
    void registrationIsForbidden() {
        Reply reply = api.register("pw_newcomer");
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.errorCode());
    }

    @Test
    void anOrdinaryAccountsLoginIsForbiddenEvenWithTheRightPassword() {
        Reply reply = api.post("/api/auth/login", null, Api.credentials("pw_plain", Api.PASSWORD));
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.errorCode());
        assertEquals(401, api.post("/api/auth/login", null, Api.credentials("pw_plain", "wrong password")).status(),
                "a wrong password is still just wrong: whether the name is an admin's stays unknown");
    }

    @Test
    void anAdminStillLogsInWithThePassword() {
        Api.Login admin = api.login(ADMIN, ADMIN_PASSWORD);
        assertEquals(200, api.get("/api/users/me", admin.token()).status());
    }

    @Test
    void thePageOffersNoRegistrationAndKeepsASmallWayInForAdmins() {
        try (Browser b = Browser.start("no_passwords")) {
            b.open(server.url() + "/");
            b.byTestId("admin-signin");
            b.awaitGone(By.id("tab-register"));
            b.awaitGone(By.id("login-password"));
            b.clickTestId("admin-signin");
            b.type("login-username", ADMIN);
            b.type("login-password", ADMIN_PASSWORD);
            b.click("login-submit");
            b.awaitText(Browser.testId("me-name"), ADMIN);
            b.awaitText(Browser.testId("connection"), "Connected");
            assertEquals(List.of(), b.problems());
        }
    }

    @Test
    void guestsFollowGuestAccessAndTheMethodsSaySo() {
        assertEquals(200, api.post("/api/auth/guest", null, Api.json("username", Api.uniqueName("pw_guest"))).status());
        JsonObject methods = api.get("/api/auth/methods", null).json();
        assertFalse(methods.getBoolean("password"));
        assertTrue(methods.getBoolean("guest"));
        assertEquals("127.0.0.1", methods.getJsonObject("oidc").getString("name"), "no PARLEY_OIDC_NAME: the issuer's host");
    }

    @Test
    void aProviderOutOfReachIsSaidSoAndTriedAgainOnTheNextSignIn() {
        String tried = "Sign-on: cannot read the discovery document";
        long before = countInLog(tried);
        for (int attempt = 0; attempt < 2; attempt++) {
            Reply start = api.get("/api/auth/oidc/start", null);
            assertEquals(302, start.status(), start.body());
            assertEquals(server.url() + "/#signin-error=unavailable", start.response().headers().firstValue("Location").orElseThrow());
        }
        // read again on each sign-in, not remembered as failed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> countInLog(tried) - before == 2);
    }

    private static long countInLog(String text) {
        try (var lines = java.nio.file.Files.lines(server.log())) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
