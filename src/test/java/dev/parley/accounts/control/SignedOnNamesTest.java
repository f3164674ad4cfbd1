package dev.parley.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The username an account made by sign-on gets from the provider's preferred_username. */
class SignedOnNamesTest {
    @Test
    void aValidNameIsKept() {
        assertEquals("bob", AccountRules.usernameFrom("bob"));
        assertEquals("Bob.Smith-2_x", AccountRules.usernameFrom("Bob.Smith-2_x"));
    }

    @Test
    void anInvalidOneIsMadeValid() {
        assertEquals("bob", AccountRules.usernameFrom("bob@example.org"));
        assertEquals("Jose_Maria", AccountRules.usernameFrom("José María"));
        assertEquals("user", AccountRules.usernameFrom("bo"));
        assertEquals("user", AccountRules.usernameFrom(null));
        assertEquals("user", AccountRules.usernameFrom("@x"));
        assertEquals(32, AccountRules.usernameFrom("a".repeat(40)).length());
        assertTrue(AccountRules.USERNAME.matcher(AccountRules.usernameFrom("名前 ✓")).matches());
    }

    @Test
    void aTakenNameGetsANumberAndStaysWithin32() {
        assertEquals("bob", AccountRules.numbered("bob", 1));
        assertEquals("bob2", AccountRules.numbered("bob", 2));
        assertEquals("bob13", AccountRules.numbered("bob", 13));
        String longest = "a".repeat(32);
        assertEquals("a".repeat(31) + "2", AccountRules.numbered(longest, 2));
        assertEquals("a".repeat(30) + "10", AccountRules.numbered(longest, 10));
    }
}
