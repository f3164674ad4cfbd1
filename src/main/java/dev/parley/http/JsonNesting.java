package dev.parley.http;

/**
 * How deeply JSON nests, counted before a parser that recurses sees it: a Socket.IO packet before
 * socket.io-server 4.1.2 parses it, and an incoming webhook's body before JSON-P reads it. The
 * library's parser (org.json) accepts 512 levels, and what it then does with the packet walks it
 * recursively: a polling POST of one ack nested a few hundred arrays deep overflowed the request
 * thread's stack (a 500 and a 1,000-line trace, faults/MalformedFramesIT). Nothing in the contract
 * nests deeper than four levels. The Socket.IO check can go when the library bounds the depth itself;
 * JSON-P's readers give no bound either.
 */
public final class JsonNesting {
    /** Deeper than this, a packet is refused (its connection closed, as for any packet the parser rejects), a webhook body {@code invalid_payload}. */
    public static final int MAX_DEPTH = 32;

    private JsonNesting() {
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
