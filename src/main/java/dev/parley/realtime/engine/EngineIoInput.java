package dev.parley.realtime.engine;

import io.socket.engineio.server.utils.ParseQS;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Client input checked before engine.io-server 6.3.2 sees it. The library throws on input it cannot
 * read, and the exception escapes the transport (a 500 and a stack trace for a polling request): its
 * query parser on a missing query, a repeated key or a bad %-escape; its packet decoder on an empty
 * packet, a type that is not a digit or is above 6, or bad base64. It also takes a request without
 * {@code EIO=4} for protocol v3, which Parley does not speak. Remove each check when the library
 * answers that input itself.
 */
public final class EngineIoInput {
    /** Packets in a polling payload are separated by the record separator (Engine.IO v4). */
    private static final String SEPARATOR = "\u001e";

    private EngineIoInput() {
    }

    /** The query as the library reads it, or empty when it would throw on it. */
    public static Optional<Map<String, String>> query(String queryString) {
        if (queryString == null) return Optional.empty();
        try {
            return Optional.of(ParseQS.decode(queryString));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The query of a WebSocket's handshake as Engine.IO keeps it, for the connection's life: a compact
     * copy, its names and the values common to all sockets shared (a parsed {@code HashMap} with its own
     * strings was about 400 bytes per idle socket, bench/idle-heap.sh). The library only reads it.
     */
    public static Map<String, String> kept(Map<String, String> query) {
        Map<String, String> shared = new java.util.HashMap<>(query.size() * 2);
        query.forEach((name, value) -> shared.put(name.intern(), "sid".equals(name) ? value : value.intern()));
        return Map.copyOf(shared);
    }

    /** Engine.IO v4, the only version Parley speaks (v3 clients cannot send a CONNECT token). */
    public static boolean supportedVersion(Map<String, String> query) {
        return "4".equals(query.get("EIO"));
    }

    /** A polling POST body: one or more packets, none of them empty. */
    public static boolean wellFormedPayload(String payload) {
        for (String packet : payload.split(SEPARATOR, -1)) {
            if (!wellFormedPacket(packet)) return false;
        }
        return true;
    }

    /** Whether a (well-formed) polling payload carries a close packet. */
    public static boolean closes(String payload) {
        for (String packet : payload.split(SEPARATOR, -1)) {
            if (packet.startsWith("1")) return true;
        }
        return false;
    }

    /** One packet, as a WebSocket text frame carries it: a type 0 to 6 and its data, or {@code b} and base64. */
    public static boolean wellFormedPacket(String packet) {
        if (packet.isEmpty()) return false;
        char type = packet.charAt(0);
        if (type == 'b') {
            try {
                Base64.getDecoder().decode(packet.substring(1));
                return true;
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return type >= '0' && type <= '6';
    }
}
