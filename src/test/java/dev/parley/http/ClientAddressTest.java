package dev.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final Set<String> PROXY = Set.of("10.0.0.1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.4", ClientAddress.resolve("198.51.100.4", List.of("203.0.113.9"), Set.of()));
    }

    @Test
    void fromAPeerThatIsNoTrustedProxyTheHeaderIsIgnored() {
        assertEquals("198.51.100.4", ClientAddress.resolve("198.51.100.4", List.of("203.0.113.9"), PROXY));
    }

    @Test
    void aTrustedProxyGivesTheClientsAddress() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", List.of("203.0.113.9"), PROXY));
    }

    @Test
    void theNearestUntrustedHopCountsNotWhatTheClientWroteBeforeIt() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", List.of("1.2.3.4, 203.0.113.9"), PROXY));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", List.of("1.2.3.4", "203.0.113.9"), PROXY));
    }

    @Test
    void chainsOfTrustedProxiesAreWalked() {
        Set<String> two = Set.of("10.0.0.1", "10.0.0.2");
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", List.of("203.0.113.9, 10.0.0.2"), two));
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastGoodHop() {
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", List.of("not-an-address"), PROXY));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", List.of("evil.example, 203.0.113.9"), PROXY));
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClient() {
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", List.of(), PROXY));
    }

    @Test
    void addressesAreComparedInTheirCanonicalForm() {
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.normalize("::1"));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.normalize("[::1]"));
        assertEquals("203.0.113.9", ClientAddress.resolve("::ffff:10.0.0.1", List.of("203.0.113.9"), PROXY));
    }

    @Test
    void namesAreNotAddressesAndAreNeverLookedUp() {
        assertNull(ClientAddress.normalize("localhost"));
        assertNull(ClientAddress.normalize("999.1.1.1"));
        assertNull(ClientAddress.normalize("1.2.3"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parseTrusted("proxy.example"));
        assertEquals(Set.of("10.0.0.1", "10.0.0.2"), ClientAddress.parseTrusted(" 10.0.0.1, 10.0.0.2 ,"));
    }
}
