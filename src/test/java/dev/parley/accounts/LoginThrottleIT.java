package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Reply;
import jakarta.json.JsonObject;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per username from one address and per address, never per username
 * alone: nobody can lock another person out. Each test sends from loopback addresses of its own
 * (the JDK client cannot choose its local address: {@link Api#postFrom}), so that the locks it trips
 * stay there; the shared test server has the default limits for this.
 */
class LoginThrottleIT {
    private final Api api = Api.server();

    @Test
    void tenWrongPasswordsFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        String name = Api.uniqueName("victim");
        assertEquals(201, api.register(name).status());
        wrongPasswords(name, "127.0.0.5", 10);

        Reply fromTheGuesser = api.postFrom("127.0.0.5", "/api/auth/login", Api.credentials(name, Api.PASSWORD), "");
        assertEquals(429, fromTheGuesser.status());
        assertEquals("rate_limited", fromTheGuesser.errorCode());
        assertEquals(200, api.postFrom("127.0.0.6", "/api/auth/login", Api.credentials(name, Api.PASSWORD)));
    }

    @Test
    void aHundredFailuresAcrossUsernamesFromOneAddressLockThatAddress() {
        String victim = Api.uniqueName("addr");
        assertEquals(201, api.register(victim).status());
        IntStream.range(0, 100).parallel().forEach(i -> assertEquals(401,
                api.postFrom("127.0.0.8", "/api/auth/login", Api.credentials(Api.uniqueName("guess"), "wrong password"))));

        assertEquals(429, api.postFrom("127.0.0.8", "/api/auth/login", Api.credentials(victim, Api.PASSWORD)));
        assertEquals(200, api.postFrom("127.0.0.12", "/api/auth/login", Api.credentials(victim, Api.PASSWORD)));
    }

    @Test
    void fewerFailuresThanTheLimitsLockNobody() {
        String name = Api.uniqueName("typo");
        assertEquals(201, api.register(name).status());
        wrongPasswords(name, "127.0.0.13", 9);
        assertEquals(200, api.postFrom("127.0.0.13", "/api/auth/login", Api.credentials(name, Api.PASSWORD)));
    }

    @Test
    void xForwardedForIsIgnoredWithoutTrustedProxies() {
        String name = Api.uniqueName("fwd");
        assertEquals(201, api.register(name).status());
        Reply login = api.postFrom("127.0.0.14", "/api/auth/login", Api.credentials(name, Api.PASSWORD),
                "X-Forwarded-For: 203.0.113.77\r\n");
        assertEquals(200, login.status(), login.body());

        JsonObject session = login.json().getJsonObject("session");
        assertEquals("127.0.0.14", session.getString("ip"));
    }

    /** {@code times} logins of {@code name} with a wrong password from {@code address}, each refused. */
    private void wrongPasswords(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(401, api.postFrom(address, "/api/auth/login", Api.credentials(name, "wrong password")));
        }
    }
}
