package dev.parley.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.InvalidPayload;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What a token's name and expiry may be, and the hash a presented token must match. */
class AccessTokensTest {

    @Test
    void aNameIsOneToSixtyFourCharactersWithoutControlCharacters() {
        assertEquals("backup", AccessTokens.checkName("  backup "));
        assertEquals("x".repeat(64), AccessTokens.checkName("x".repeat(64)));
        for (String bad : new String[] {null, "", "   ", "x".repeat(65), "a\nb", "a\u202Eb", "a\u0000b"}) {
            assertThrows(InvalidPayload.class, () -> AccessTokens.checkName(bad), String.valueOf(bad));
        }
    }

    @Test
    void noExpiryIsNeverAndAnExpiryMustBeInTheFuture() {
        assertEquals(AccessTokens.NEVER, AccessTokens.expiry(null));
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        assertEquals(later, AccessTokens.expiry(later.toString()));
        assertEquals(later, AccessTokens.expiry(later.atOffset(java.time.ZoneOffset.ofHours(2)).toString()), "an offset is fine");
        for (String bad : new String[] {"2020-01-01T00:00:00Z", "tomorrow", "2999-01-01T00:00:00Z", "3500-01-01T00:00:00Z"}) {
            assertThrows(InvalidPayload.class, () -> AccessTokens.expiry(bad), bad);
        }
    }

    @Test
    void onlyTheVeryTokenMatchesItsHash() {
        String hash = TokenHash.of("eyJ.a.b");
        assertEquals(64, hash.length());
        assertTrue(TokenHash.matches("eyJ.a.b", hash));
        assertFalse(TokenHash.matches("eyJ.a.c", hash));
        assertFalse(TokenHash.matches(null, hash));
        assertFalse(TokenHash.matches("eyJ.a.b", null));
    }
}
