package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** engine.io-server 6.3.2 leaves maxPayload out of the open packet; Handshake adds it, once. */
class HandshakeTest {
    private static final String OPEN = "0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000}";

    @Test
    void theOpenPacketAdvertisesMaxPayload() {
        String advertised = Handshake.advertise(OPEN, 1_000_000);
        JSONObject open = new JSONObject(advertised.substring(1));
        assertEquals(1_000_000, open.getInt("maxPayload"));
        assertEquals("abc", open.getString("sid"));
        assertEquals(25000, open.getInt("pingInterval"));
    }

    @Test
    void aPacketThatAlreadyHasMaxPayloadIsLeftAlone() {
        String already = "0{\"sid\":\"abc\",\"maxPayload\":5}";
        assertEquals(already, Handshake.advertise(already, 1_000_000));
    }

    @Test
    void anythingButAnOpenPacketIsLeftAlone() {
        assertEquals("4{\"message\":\"x\"}", Handshake.advertise("4{\"message\":\"x\"}", 100));
        assertEquals("0", Handshake.advertise("0", 100));
        assertEquals("", Handshake.advertise("", 100));
    }
}
