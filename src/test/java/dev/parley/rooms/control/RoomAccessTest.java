package dev.parley.rooms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A room's name, as every request naming a room checks it before any query. */
class RoomAccessTest {
    @ParameterizedTest
    @ValueSource(strings = {"general", "General", "GENERAL"})
    void aNameIsLowerCased(String name) {
        assertEquals("general", RoomAccess.checkName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "dev_ops-2", "x123456789x123456789x123456789x123456789x123456789x123456789abcd"})
    void aNameIsOneTo64OfLettersDigitsUnderscoresAndHyphens(String name) {
        assertEquals(name, RoomAccess.checkName(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"two words", "café", "#general", "x123456789x123456789x123456789x123456789x123456789x123456789abcde"})
    void anyOtherNameIsAnInvalidPayload(String name) {
        assertThrows(InvalidPayload.class, () -> RoomAccess.checkName(name));
    }
}
