package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectPacketTest {
    @Test
    void aConnectWithoutNamespaceIsForTheMainOne() {
        assertEquals(new ConnectPacket("/", ""), ConnectPacket.parse("0"));
        assertEquals(new ConnectPacket("/", "{\"token\":\"t\"}"), ConnectPacket.parse("0{\"token\":\"t\"}"));
    }

    @Test
    void theNamespaceEndsAtTheFirstComma() {
        assertEquals(new ConnectPacket("/admin", "{\"token\":\"t,u\"}"), ConnectPacket.parse("0/admin,{\"token\":\"t,u\"}"));
        assertEquals(new ConnectPacket("/admin", ""), ConnectPacket.parse("0/admin"));
        assertEquals(new ConnectPacket("/", "{}"), ConnectPacket.parse("0/,{}"));
    }

    @Test
    void aConnectErrorNamesTheNamespaceItAnswersUnlessItIsTheMainOne() {
        assertEquals("4{\"message\":\"unauthorized\"}", ConnectPacket.error("/", "unauthorized"));
        assertEquals("4/admin,{\"message\":\"Invalid namespace\"}", ConnectPacket.error("/admin", "Invalid namespace"));
    }
}
