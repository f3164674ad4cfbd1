package dev.parley.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import org.junit.jupiter.api.Test;

class DirectoryTest {
    @Test
    void aQueryIsComparedInLowerCaseWithoutSurroundingSpace() {
        assertEquals("ka", Directory.prefix(" Ka "));
    }

    @Test
    void anEmptyBlankOrOverlongQueryIsInvalid() {
        assertThrows(InvalidPayload.class, () -> Directory.prefix(null));
        assertThrows(InvalidPayload.class, () -> Directory.prefix(""));
        assertThrows(InvalidPayload.class, () -> Directory.prefix("   "));
        assertThrows(InvalidPayload.class, () -> Directory.prefix("x".repeat(65)));
        assertEquals("x".repeat(64), Directory.prefix("x".repeat(64)));
    }

    @Test
    void likesOwnCharactersAreTakenLiterally() {
        assertEquals("a\\_b\\%c\\\\", Directory.escape("a_b%c\\"));
    }
}
