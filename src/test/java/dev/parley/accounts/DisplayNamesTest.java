package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.accounts.control.DisplayNames;
import dev.parley.errors.InvalidPayload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "evil\u202Egnp.exe",   // right-to-left override
            "\u2066alice\u2069",   // isolates
            "ali\u200Bce",         // zero-width space
            "ali\u200Dce",         // zero-width joiner
            "\uFEFFalice",         // byte order mark
            "ali\u00ADce",         // soft hyphen
            "two\nlines",
            "tab\there",
            "nul\u0000",
            "bell\u0007",
            "del\u007F",
            "c1\u0085",
            "line\u2028separator",
            "para\u2029separator",
            "lone\uD800surrogate",
            "alice\n"})
    void controlAndFormatCharactersAreRefused(String name) {
        assertThrows(InvalidPayload.class, () -> DisplayNames.check(name, "fallback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "Zoë Ångström", "李小龍", "محمد", "Dmitrí Ø", "a😀b", "O'Brien-Smith Jr.", "x"})
    void ordinaryNamesInAnyScriptAreKept(String name) {
        assertEquals(name, DisplayNames.check(name, "fallback"));
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertEquals("Alice Smith", DisplayNames.check("  Alice Smith \u3000", "fallback"));
    }

    @Test
    void blankOrAbsentIsTheFallback() {
        assertEquals("fallback", DisplayNames.check(null, "fallback"));
        assertEquals("fallback", DisplayNames.check("   ", "fallback"));
    }

    @Test
    void sixtyFourCharactersAreTheMost() {
        assertEquals("x".repeat(64), DisplayNames.check("x".repeat(64), "fallback"));
        assertEquals("x".repeat(64), DisplayNames.check("  " + "x".repeat(64) + "  ", "fallback"));
        assertThrows(InvalidPayload.class, () -> DisplayNames.check("x".repeat(65), "fallback"));
    }
}
