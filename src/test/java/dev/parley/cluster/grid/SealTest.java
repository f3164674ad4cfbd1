package dev.parley.cluster.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** What the relay carries between nodes, sealed with the cluster's secret: read and accepted only with that secret, unchanged. */
class SealTest {
    private static final String SECRET = "k1GkD3bQ0n5Jx2vZp8Ywq4RrT6sUa9Lm+HcE7fNiO0=";
    private final Seal seal = new Seal(SECRET);
    private final byte[] event = "a MessagePosted, serialized".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensWithTheSameSecretOnAnotherNode() throws Exception {
        byte[] sealed = seal.seal(Seal.EVENTS, event);
        assertArrayEquals(event, new Seal(SECRET).open(Seal.EVENTS, sealed));
        assertEquals(event.length + 1 + 12 + 16, sealed.length, "version, nonce, tag");
    }

    @Test
    void theEventCannotBeReadOffTheWire() {
        byte[] sealed = seal.seal(Seal.EVENTS, event);
        String wire = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(wire.contains("MessagePosted"), "encrypted, not only signed");
        assertNotEquals(Arrays.toString(sealed), Arrays.toString(seal.seal(Seal.EVENTS, event)), "a new nonce each time");
    }

    @Test
    void anyChangedByteIsRefused() {
        byte[] sealed = seal.seal(Seal.EVENTS, event);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(AEADBadTagException.class, () -> seal.open(Seal.EVENTS, tampered), "byte " + i + " changed");
        }
        assertThrows(AEADBadTagException.class, () -> seal.open(Seal.EVENTS, Arrays.copyOf(sealed, sealed.length - 1)), "cut short");
        assertThrows(AEADBadTagException.class, () -> seal.open(Seal.EVENTS, new byte[3]), "too short to be sealed");
    }

    @Test
    void anotherSecretOrNoneIsRefused() {
        byte[] sealed = seal.seal(Seal.EVENTS, event);
        assertThrows(AEADBadTagException.class, () -> new Seal(SECRET + "x").open(Seal.EVENTS, sealed));
        assertThrows(AEADBadTagException.class, () -> seal.open(Seal.EVENTS, new Seal("another secret of enough length, 32+").seal(Seal.EVENTS, event)));
        byte[] plain = new byte[1 + 12 + 16 + event.length];
        plain[0] = Seal.VERSION;
        System.arraycopy(event, 0, plain, 29, event.length);
        assertThrows(AEADBadTagException.class, () -> seal.open(Seal.EVENTS, plain), "a node that sends in clear");
    }

    @Test
    void anAcknowledgementDoesNotPassForAnEvent() {
        byte[] ack = seal.seal(Seal.ACKS, event);
        assertThrows(AEADBadTagException.class, () -> seal.open(Seal.EVENTS, ack));
    }
}
