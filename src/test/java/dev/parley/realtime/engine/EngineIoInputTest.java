package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineIoInputTest {
    @ParameterizedTest
    @ValueSource(strings = {"garbage!!", "zzzz", "9abc", "", "7", "b!!!", "\u001e", "4ok\u001e", "\u001e4ok", "4a\u001e\u001e4b", "x4"})
    void payloadsTheLibraryWouldThrowOnAreNotWellFormed(String payload) {
        assertFalse(EngineIoInput.wellFormedPayload(payload), payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", "6", "40", "40{\"token\":\"x\"}", "42[\"message\",\"hi\"]\u001e3", "bAQID", "b", "4", "0"})
    void engineIoV4PayloadsAreWellFormed(String payload) {
        assertTrue(EngineIoInput.wellFormedPayload(payload), payload);
    }

    @Test
    void aWebSocketFrameIsOnePacketWhoseDataMayHoldTheSeparator() {
        assertTrue(EngineIoInput.wellFormedPacket("42[\"message\",\"a\u001eb\"]"));
        assertFalse(EngineIoInput.wellFormedPacket(""));
        assertFalse(EngineIoInput.wellFormedPacket("9"));
        assertFalse(EngineIoInput.wellFormedPacket("b%%"));
    }

    @Test
    void aPayloadClosesWhenOneOfItsPacketsIsAClose() {
        assertTrue(EngineIoInput.closes("1"));
        assertTrue(EngineIoInput.closes("42[\"message\",\"hi\"]\u001e1"));
        assertFalse(EngineIoInput.closes("42[\"message\",\"1\"]\u001e3"));
        assertFalse(EngineIoInput.closes("bMQ=")); // binary, not a close
    }

    @Test
    void onlyEngineIoV4IsSupported() {
        assertTrue(EngineIoInput.supportedVersion(Map.of("EIO", "4", "transport", "polling")));
        assertFalse(EngineIoInput.supportedVersion(Map.of("transport", "polling")));
        assertFalse(EngineIoInput.supportedVersion(Map.of("EIO", "3")));
        assertFalse(EngineIoInput.supportedVersion(Map.of("EIO", "")));
    }

    @Test
    void aQueryTheLibraryCannotReadIsNone() {
        assertEquals(Optional.empty(), EngineIoInput.query(null));
        assertEquals(Optional.empty(), EngineIoInput.query("EIO=4&EIO=4"));
        assertEquals(Optional.empty(), EngineIoInput.query("EIO=4&x=%zz"));
        assertEquals(Optional.of(Map.of("EIO", "4", "transport", "polling", "sid", "a b")),
                EngineIoInput.query("EIO=4&transport=polling&sid=a%20b"));
    }
}
