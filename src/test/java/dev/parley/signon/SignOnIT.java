package dev.parley.signon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.SignOnClient;
import dev.parley.support.Sock;
import jakarta.json.JsonObject;
import java.net.URI;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Sign-on through the Keycloak the build starts (support/Keycloak, realm file src/test/keycloak),
 * without a browser: Parley's start, Keycloak's login form, Parley's callback and the exchange, each
 * step over HTTP with one cookie jar per "browser".
 */
class SignOnIT {
    private final Api api = Api.server();

    @Test
    void theSignInPageIsToldWhatIsOffered() {
        JsonObject methods = api.get("/api/auth/methods", null).json();
        assertTrue(methods.getBoolean("password"));
        assertTrue(methods.getBoolean("guest"));
        assertEquals("Keycloak", methods.getJsonObject("oidc").getString("name"));
    }

    @Test
    void signingOnGivesASessionAndAWorkingSocket() {
        SignOnClient browser = new SignOnClient(api);
        URI landing = browser.callback(browser.logInAtProvider(browser.start("/"), "kc_alice"));
        assertEquals(api.url() + "/", landing.toString().substring(0, landing.toString().indexOf('#')), "lands on returnTo");
        Api.Reply exchanged = browser.exchange(SignOnClient.codeIn(landing));
        assertEquals(200, exchanged.status(), exchanged.body());
        JsonObject body = exchanged.json();
        assertEquals("Bearer", body.getString("tokenType"));
        assertEquals("kc_alice", body.getJsonObject("user").getString("username"));
        assertEquals("Alice Keycloak", body.getJsonObject("user").getString("displayName"));
        Login alice = Api.loginOf("kc_alice", body);
        assertEquals("kc_alice", api.get("/api/users/me", alice.token()).json().getJsonObject("user").getString("username"));
        try (Sock sock = api.connect(alice)) {
            assertTrue(sock.ack("message", new JSONObject().put("text", "signed on")).getBoolean("ok"));
        }
        assertNull(browser.browserCookie(), "the callback clears the browser-binding cookie");
    }

    @Test
    void anAccountMadeBySignOnHasNoPasswordAndKeepsItsName() {
        Login alice = new SignOnClient(api).signInAndExchange("kc_alice");
        assertEquals(401, api.post("/api/auth/login", null, Api.credentials(alice.username(), SignOnClient.PASSWORD)).status());
        assertEquals(401, api.post("/api/auth/login", null, Api.credentials(alice.username(), "")).status());
        assertEquals(409, api.register(alice.username()).status());
        assertEquals(403, api.send("PUT", "/api/users/me/password", alice.token(),
                "{\"currentPassword\": \"whatever1\", \"newPassword\": \"new password 1\"}").status());
    }

    @Test
    void aDeletedAccountIsNotHandedBackOnTheNextSignOn() {
        Login first = new SignOnClient(api).signInAndExchange("kc_gina");
        assertEquals(204, api.post("/api/users/me/delete", first.token(), "{}").status(), "no password to prove");
        Login again = new SignOnClient(api).signInAndExchange("kc_gina");
        assertNotEquals(first.body().getJsonObject("user").getJsonNumber("id").longValue(),
                again.body().getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("kc_gina", again.username(), "the deleted account freed the name");
    }

    @Test
    void theSamePersonSigningOnAgainGetsTheSameAccount() {
        JsonObject first = new SignOnClient(api).signInAndExchange("kc_alice").body().getJsonObject("user");
        JsonObject second = new SignOnClient(api).signInAndExchange("kc_alice").body().getJsonObject("user");
        assertEquals(first.getJsonNumber("id").longValue(), second.getJsonNumber("id").longValue());
        assertEquals("kc_alice", second.getString("username"));
    }

    @Test
    void aTakenNameGetsANumberAndIsNeverJoinedToTheAccountHoldingIt() {
        Api.Reply registered = api.register("kc_bob");
        assertEquals(201, registered.status(), "kc_bob is registered with a password before Keycloak's kc_bob signs on");
        long localBob = registered.json().getJsonObject("user").getJsonNumber("id").longValue();
        Login ssoBob = new SignOnClient(api).signInAndExchange("kc_bob");
        assertEquals("kc_bob2", ssoBob.username());
        assertNotEquals(localBob, ssoBob.body().getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("kc_bob", api.login("kc_bob").username(), "the local kc_bob still logs in with the password");
    }

    @Test
    void aCodeWorksOnce() {
        SignOnClient browser = new SignOnClient(api);
        String code = browser.signIn("kc_alice");
        assertEquals(200, browser.exchange(code).status());
        Api.Reply again = browser.exchange(code);
        assertEquals(401, again.status());
        assertEquals("unauthorized", again.errorCode());
        assertEquals(401, browser.exchange("not-a-code").status());
        assertEquals(400, api.post("/api/auth/oidc/exchange", null, "{}").status());
    }

    @Test
    void aTamperedOrMissingStateIsRefusedAndHandsOutNothing() {
        SignOnClient browser = new SignOnClient(api);
        URI callback = browser.logInAtProvider(browser.start("/"), "kc_alice");
        String state = SignOnClient.param(callback, "state");
        assertRefused(browser.callback(SignOnClient.withParam(callback, "state", state + "x")), "state");
        assertRefused(browser.callback(SignOnClient.withParam(callback, "state", null)), "state");
        // the real state was not spent by the forgeries; spent once, it is refused after
        URI landing = browser.callback(callback);
        SignOnClient.codeIn(landing);
        assertRefused(browser.callback(callback), "state");
    }

    @Test
    void aCallbackFromABrowserThatDidNotStartTheSignInIsRefused() {
        SignOnClient victim = new SignOnClient(api);
        URI callback = victim.logInAtProvider(victim.start("/"), "kc_alice");
        victim.forgetBrowserCookie();
        assertRefused(victim.callback(callback), "state");

        SignOnClient other = new SignOnClient(api);
        URI otherCallback = other.logInAtProvider(other.start("/"), "kc_alice");
        SignOnClient attacker = new SignOnClient(api);
        attacker.start("/"); // a cookie of its own, for another sign-in
        assertRefused(attacker.callback(otherCallback), "state");
        other.useBrowserCookie("forged");
        assertRefused(other.callback(otherCallback), "state");
    }

    @Test
    void theProvidersErrorIsShownAndHandsOutNothing() {
        SignOnClient browser = new SignOnClient(api);
        URI authorization = browser.start("/rooms");
        URI callback = URI.create(api.url() + "/api/auth/oidc/callback?error=access_denied&state="
                + SignOnClient.param(authorization, "state"));
        assertRefused(browser.callback(callback), "provider");
    }

    @Test
    void theAuthorizationRequestUsesPkceStateAndNonce() {
        URI authorization = new SignOnClient(api).start("/");
        assertTrue(authorization.toString().startsWith(SignOnClient.ISSUER + "/"), authorization.toString());
        assertEquals("code", SignOnClient.param(authorization, "response_type"));
        assertEquals("S256", SignOnClient.param(authorization, "code_challenge_method"));
        assertEquals(SignOnClient.CLIENT_ID, SignOnClient.param(authorization, "client_id"));
        assertTrue(SignOnClient.param(authorization, "scope").contains("openid"));
        for (String random : new String[] {"state", "nonce", "code_challenge"}) {
            assertTrue(SignOnClient.param(authorization, random).length() >= 32, random);
        }
    }

    @Test
    void aReturnPathOnThisServerIsKeptAndAForeignOneIgnored() {
        assertEquals("/rooms?x=1", landingPathOf("/rooms?x=1"));
        for (String foreign : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example", "evil"}) {
            assertEquals("/", landingPathOf(foreign), foreign);
        }
    }

    private String landingPathOf(String returnTo) {
        SignOnClient browser = new SignOnClient(api);
        URI landing = browser.callback(browser.logInAtProvider(browser.start(returnTo), "kc_alice"));
        assertEquals(URI.create(api.url()).getAuthority(), landing.getAuthority());
        SignOnClient.codeIn(landing);
        String path = landing.getRawPath() + (landing.getRawQuery() == null ? "" : "?" + landing.getRawQuery());
        return path;
    }

    private static void assertRefused(URI landing, String reason) {
        assertEquals("signin-error=" + reason, landing.getRawFragment(), landing.toString());
        assertEquals("/", landing.getRawPath());
        assertFalse(landing.toString().contains("code="), landing.toString());
    }
}
