package dev.parley.realtime.engine;

import java.nio.charset.StandardCharsets;

/**
 * One Engine.IO packet as a server-to-client WebSocket frame (RFC 6455: unmasked, unfragmented),
 * encoded once however many sockets it goes to. The text or bytes are kept too, for the plain
 * JSR-356 send when Tyrus's frame writer cannot be had.
 */
public final class Frame {
    private static final int TEXT = 0x81;   // FIN + text
    private static final int BINARY = 0x82; // FIN + binary

    public final String text;
    public final byte[] binary;
    private volatile byte[] wire;

    private Frame(String text, byte[] binary) {
        this.text = text;
        this.binary = binary;
    }

    public static Frame text(String engineIoPacket) {
        return new Frame(engineIoPacket, null);
    }

    public static Frame binary(byte[] data) {
        return new Frame(null, data);
    }

    /** Header and payload, as they go on the wire; built on first use (two racing threads build equal arrays). */
    public byte[] wire() {
        byte[] w = wire;
        if (w == null) {
            w = text != null ? encode(TEXT, text.getBytes(StandardCharsets.UTF_8)) : encode(BINARY, binary);
            wire = w;
        }
        return w;
    }

    private static byte[] encode(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) opcode;
        if (header == 2) {
            frame[1] = (byte) length;
        } else if (header == 4) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
