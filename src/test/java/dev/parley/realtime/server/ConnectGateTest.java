package dev.parley.realtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a connecting socket's token is read from: the CONNECT packet's {@code auth}, else the handshake's bearer header, never the URL. */
class ConnectGateTest {
    private static final Map<String, List<String>> BEARER = Map.of("Authorization", List.of("Bearer from-header"));

    @Test
    void theAuthPayloadsTokenComesFirst() {
        assertEquals("from-auth", ConnectGate.tokenFrom("{\"token\":\"from-auth\"}", BEARER));
        assertEquals("from-auth", ConnectGate.tokenFrom("{\"token\":\"from-auth\"}", Map.of()));
    }

    @Test
    void withoutAnAuthTokenTheBearerHeaderIsUsed() {
        assertEquals("from-header", ConnectGate.tokenFrom("", BEARER));
        assertEquals("from-header", ConnectGate.tokenFrom("{}", BEARER));
        assertEquals("from-header", ConnectGate.tokenFrom("{\"token\":42}", BEARER), "a token that is no string is none");
    }

    @Test
    void theHeaderNameAndSchemeIgnoreCaseAndTheTokenIsTrimmed() {
        assertEquals("t", ConnectGate.tokenFrom("", Map.of("authorization", List.of("bearer  t "))));
        assertEquals("t", ConnectGate.tokenFrom("", Map.of("AUTHORIZATION", List.of("BEARER t"))));
    }

    @Test
    void otherSchemesOtherHeadersAndTheQueryGiveNoToken() {
        assertNull(ConnectGate.tokenFrom("", Map.of("Authorization", List.of("Basic dXNlcjpwYXNz"))));
        assertNull(ConnectGate.tokenFrom("", Map.of("Authorization", List.of())));
        assertNull(ConnectGate.tokenFrom("", Map.of("X-Token", List.of("Bearer t"))));
        assertNull(ConnectGate.tokenFrom("", Map.of("token", List.of("t")))); // a query's token is no header
        assertNull(ConnectGate.tokenFrom("", null));
    }

    @Test
    void aMalformedAuthPayloadIsRefusedRatherThanFallingBackToTheHeader() {
        assertNull(ConnectGate.tokenFrom("{not json", BEARER));
    }
}
