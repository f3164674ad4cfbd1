package dev.parley.realtime.engine;

/**
 * How deeply a Socket.IO packet's JSON nests, counted before socket.io-server 4.1.2 parses it. The
 * library's parser (org.json) accepts 512 levels, and what it then does with the packet walks it
 * recursively: a polling POST of one ack nested a few hundred arrays deep overflowed the request
 * thread's stack (a 500 and a 1,000-line trace, faults/MalformedFramesIT). Nothing in the contract
 * nests deeper than four levels. Remove when the library bounds the depth itself.
 */
public final class Nesting {
    /** Deeper than this, a packet is refused (its connection closed, as for any packet the parser rejects). */
    static final int MAX_DEPTH = 32;

    private Nesting() {
    }

    /** Whether brackets and braces outside JSON strings nest deeper than {@link #MAX_DEPTH}. */
    public static boolean tooDeep(String packet) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < packet.length(); i++) {
            char c = packet.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) return true;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }
}
