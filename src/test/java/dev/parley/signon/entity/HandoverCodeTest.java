package dev.parley.signon.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one-time code's lifetime (60 s by default, parley.oidc.code-ttl): "used twice" is SignOnIT's. */
class HandoverCodeTest {
    @Test
    void aCodeIsGoodUntilItsExpiryAndNotFromThen() {
        Instant issued = Instant.parse("2026-12-07T12:00:00Z");
        HandoverCode code = new HandoverCode("hash", 1, "https://idp", "sub", null, issued.plus(Duration.ofSeconds(60)));
        assertTrue(code.liveAt(issued));
        assertTrue(code.liveAt(issued.plusSeconds(59)));
        assertFalse(code.liveAt(issued.plusSeconds(60)));
        assertFalse(code.liveAt(issued.plusSeconds(61)));
    }
}
