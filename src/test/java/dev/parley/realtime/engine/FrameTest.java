package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 6455 server frames: the length encodings switch at 126 and at 65,536 bytes. */
class FrameTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 70_000})
    void textFramesCarryTheirLengthInTheSmallestEncoding(int length) {
        String text = "x".repeat(length);
        byte[] wire = Frame.text(text).wire();

        assertEquals((byte) 0x81, wire[0], "FIN and the text opcode");
        int header;
        if (length < 126) {
            header = 2;
            assertEquals(length, wire[1], "a 7-bit length, unmasked");
        } else if (length <= 0xFFFF) {
            header = 4;
            assertEquals(126, wire[1]);
            assertEquals(length, ((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF));
        } else {
            header = 10;
            assertEquals(127, wire[1]);
            long decoded = 0;
            for (int i = 2; i < 10; i++) decoded = (decoded << 8) | (wire[i] & 0xFF);
            assertEquals(length, decoded);
        }
        assertEquals(header + length, wire.length);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(wire, header, wire.length));
    }

    @Test
    void textIsMeasuredInUtf8BytesNotCharacters() {
        String text = "é".repeat(63); // 126 bytes in UTF-8: the 16-bit length form
        byte[] wire = Frame.text(text).wire();
        assertEquals(126, wire[1]);
        assertEquals(126, ((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF));
    }

    @Test
    void binaryFramesUseTheBinaryOpcode() {
        byte[] wire = Frame.binary(new byte[]{4, 1, 2}).wire();
        assertArrayEquals(new byte[]{(byte) 0x82, 3, 4, 1, 2}, wire);
    }

    @Test
    void aFrameIsEncodedOnceForEveryRecipient() {
        Frame frame = Frame.text("42[\"message\",{}]");
        assertSame(frame.wire(), frame.wire());
    }
}
