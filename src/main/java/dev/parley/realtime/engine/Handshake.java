package dev.parley.realtime.engine;

/**
 * Adds {@code maxPayload} to the Engine.IO open packet, which engine.io-server 6.3.2 leaves out;
 * clients use it to size their polling batches. Remove when the library advertises it itself.
 */
public final class Handshake {
    private Handshake() {
    }

    public static String advertise(String openPacket, int maxPayload) {
        if (!openPacket.startsWith("0{") || !openPacket.endsWith("}") || openPacket.contains("\"maxPayload\"")) {
            return openPacket;
        }
        return openPacket.substring(0, openPacket.length() - 1) + ", \"maxPayload\": " + maxPayload + "}";
    }
}
