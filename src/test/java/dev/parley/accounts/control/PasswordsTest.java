package dev.parley.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PBKDF2 hashes: salted, self-describing, and only the right password matches (each hash or check costs 600,000 iterations, so there are three). */
class PasswordsTest {
    private static final Passwords PASSWORDS = new Passwords();
    private static final String STORED = PASSWORDS.hash("correct horse");

    @Test
    void theHashNamesItsSchemeCostAndSalt() {
        String[] parts = STORED.split("\\$");
        assertEquals(4, parts.length, STORED);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(Integer.toString(Passwords.ITERATIONS), parts[1]);
        assertEquals(22, parts[2].length(), "16 bytes of salt, unpadded Base64");
    }

    @Test
    void onlyTheRightPasswordMatches() {
        assertTrue(PASSWORDS.matches("correct horse", STORED));
        assertFalse(PASSWORDS.matches("correct horse ", STORED));
    }

    @Test
    void aForeignOrMalformedHashNeverMatches() {
        assertFalse(PASSWORDS.matches("correct horse", "bcrypt$10$abc$def"));
        assertFalse(PASSWORDS.matches("correct horse", "garbage"));
    }
}
