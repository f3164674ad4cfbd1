package dev.parley.faults;

import java.util.List;
import java.util.Random;

/**
 * Malformed input for a Socket.IO v4 server, from a seed: Engine.IO packets of unknown or misused
 * types, Socket.IO packets with broken namespaces, ack ids, attachments and JSON, and the
 * contract's events with payloads of every wrong shape (types, sizes, nesting, characters). Most
 * are wrong somewhere; some are well-formed, so that the handlers behind the parser are reached.
 * The same seed gives the same frames.
 */
final class MalformedFrames {
    /** The contract's client events, and some it does not have. Not the ones that end sessions. */
    private static final List<String> EVENTS = List.of("message", "private_message", "join", "leave", "create_room",
            "history", "typing", "focus", "read", "sync", "edit_message", "delete_message", "react", "unreact",
            "connect", "disconnect", "error", "ready", "__proto__", "", "x".repeat(300));
    private static final List<String> KEYS = List.of("text", "room", "to", "with", "clientMsgId", "replyTo", "before",
            "after", "limit", "upTo", "rooms", "conversations", "since", "name", "topic", "id", "emoji", "_placeholder",
            "num", "__proto__", "constructor", "");
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\u202e", "\u200b", "\ud800", "\udfff\ud800",
            "feed", "FEED", "../feed", "feed\u0000", "%00", "null", "undefined", "NaN", "-1", "1e999", "9".repeat(40),
            "<script>", "'; DROP TABLE messages; --", "\\", "\"", "{}", "[]", "\r\n", "\u00e9\u4e2d\ud83d\ude00");
    private static final String SEPARATOR = "\u001e";

    private final Random random;

    MalformedFrames(long seed) {
        random = new Random(seed);
    }

    /**
     * A frame that leaves the connection open: an event with a payload of any shape (mostly), or a
     * packet the server ignores. Socket.IO closes a connection on a packet it cannot parse, so such
     * packets come at a connection's end ({@link #ending}), and a connection carries many of these first.
     */
    String frame() {
        int pick = random.nextInt(100);
        if (pick < 85) return sendable("4" + event());
        return sendable(oneOf(List.of("3", "5", "6", "43", "4" + "3" + random.nextInt(1000) + "[" + json(0) + "]",
                "42/admin," + event().substring(1), "4" + "51-" + event().substring(1))));
    }

    /** A frame that may well end the connection: broken Engine.IO or Socket.IO framing, JSON, noise. */
    String ending() {
        int pick = random.nextInt(100);
        if (pick < 60) return sendable("4" + socketIoPacket());
        if (pick < 85) return sendable(engineIoPacket());
        return sendable(noise(random.nextInt(64)));
    }

    /**
     * {@code s} with each lone surrogate written as a JSON escape: a WebSocket text frame must be
     * valid UTF-8 (the JDK's client will not send one that is not), while inside a JSON string the
     * escape still gives the server's parser the lone surrogate.
     */
    static String sendable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A long-polling POST body: several packets joined by the record separator, now and then not even that. */
    String pollingBody(int packets) {
        if (random.nextInt(20) == 0) return sendable(oneOf(List.of("garbage!!", "zzzz", "9abc", "", SEPARATOR, SEPARATOR + SEPARATOR,
                "4" + SEPARATOR, noise(200), "b" + noise(20))));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < packets; i++) {
            if (i > 0) body.append(SEPARATOR);
            String frame = i == packets - 1 && random.nextInt(4) == 0 ? ending() : frame();
            // a close packet would end the session mid-body; it is sent at the end of each session
            body.append(frame.startsWith("1") ? "6" : frame);
        }
        return body.toString();
    }

    /** A binary WebSocket frame: what Engine.IO takes as a binary message, for an attachment nobody announced. */
    byte[] binary() {
        byte[] bytes = new byte[random.nextInt(256)];
        random.nextBytes(bytes);
        return bytes;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String engineIoPacket() {
        return oneOf(List.of("", "0", "0{}", "1", "2", "2probe", "3", "3probe", "5", "6", "7", "8", "9", "44", "x",
                "b" + noise(10), "4", "40", "41", "2" + noise(30), "5" + noise(10), "6" + noise(10),
                String.valueOf(random.nextInt(10)) + noise(random.nextInt(40))));
    }

    /** A Socket.IO packet that is broken at the packet level: type, namespace, ack id, attachments, JSON. */
    private String socketIoPacket() {
        String type = random.nextInt(4) == 0 ? String.valueOf((char) ('0' + random.nextInt(10))) : oneOf(List.of("2", "3", "5", "6"));
        String attachments = random.nextInt(3) == 0 ? random.nextInt(5) - 1 + "-" : "";
        String namespace = random.nextInt(4) == 0 ? oneOf(List.of("/", "/admin,", "/,", "//,", "/" + noise(8) + ",", ",", "/feed")) : "";
        String ackId = random.nextInt(3) == 0 ? oneOf(List.of("0", "1", "-1", "99999999999999999999", "1.5", "00001",
                String.valueOf(random.nextInt(Integer.MAX_VALUE)))) : "";
        String data = switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> json(0);
            case 2 -> "[" + quoted(oneOf(EVENTS)); // unterminated
            case 3 -> "[" + "[".repeat(random.nextInt(5000)); // deep nesting, unterminated
            case 4 -> "[" + "[".repeat(2000) + "]".repeat(2000) + "]";
            case 5 -> "{" + quoted(oneOf(KEYS)) + ":" + json(1) + "}";
            case 6 -> "[{\"_placeholder\":true,\"num\":" + (random.nextInt(5) - 1) + "}]";
            default -> noise(random.nextInt(80));
        };
        return type + attachments + namespace + ackId + data;
    }

    /** An event packet ({@code 2}), sometimes with an ack id: a known or unknown event with arguments of any shape. */
    private String event() {
        String ackId = random.nextBoolean() ? String.valueOf(random.nextInt(1000)) : "";
        String event = oneOf(EVENTS);
        StringBuilder args = new StringBuilder("[").append(quoted(event));
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) args.append(',').append(i == 0 ? payload(event) : json(0));
        return "2" + ackId + args.append(']');
    }

    /** An event's payload: an object of the contract's fields with values of any type, or anything else. */
    private String payload(String event) {
        boolean posts = event.equals("message"); // a bare string or no room would post to the feed
        if (random.nextInt(5) == 0) return posts ? oneOf(List.of("null", "1", "[]", "true", "\"\"", "\" \"")) : json(0);
        StringBuilder object = new StringBuilder("{");
        if (posts) object.append("\"room\":").append(quoted("zz-" + noise(6)));
        // distinct keys: a repeated key is a JSON error to the server's parser, which closes the connection
        List<String> keys = new java.util.ArrayList<>(KEYS);
        if (posts) keys.remove("room");
        java.util.Collections.shuffle(keys, random);
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            if (i > 0 || posts) object.append(',');
            String key = keys.get(i);
            // text that would be stored goes only with a room or user that does not exist
            String value = key.equals("room") || key.equals("to") || key.equals("with") ? quoted("zz-" + noise(6)) : json(1);
            object.append(quoted(key)).append(':').append(value);
        }
        return object.append('}').toString();
    }

    private String json(int depth) {
        int pick = random.nextInt(depth > 3 ? 7 : 10);
        return switch (pick) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> oneOf(List.of("0", "-1", "1.5", "1e308", "-1e309", "9223372036854775808", "-9223372036854775809",
                    "1e-400", String.valueOf(random.nextLong()), "0.0000001", "12345678901234567890123"));
            case 3 -> quoted(oneOf(ODD_STRINGS));
            case 4 -> quoted(noise(random.nextInt(random.nextInt(50) == 0 ? 5000 : 40)));
            case 5 -> quoted("x".repeat(random.nextInt(3) == 0 ? 4001 : random.nextInt(70)));
            case 6 -> quoted(String.valueOf(random.nextInt(100)));
            case 7 -> {
                StringBuilder a = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) a.append(i > 0 ? "," : "").append(json(depth + 1));
                yield a.append(']').toString();
            }
            default -> {
                StringBuilder o = new StringBuilder("{");
                int n = random.nextInt(4);
                java.util.Set<String> used = new java.util.HashSet<>();
                for (int i = 0; i < n; i++) {
                    String key = random.nextBoolean() ? oneOf(KEYS) : noise(5);
                    if (!used.add(key)) continue;
                    o.append(used.size() > 1 ? "," : "").append(quoted(key)).append(':').append(json(depth + 1));
                }
                yield o.append('}').toString();
            }
        };
    }

    /** Characters of every kind: ASCII, controls, JSON's specials, lone surrogates, astral. */
    private String noise(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) s.append((char) (32 + random.nextInt(95)));
            else if (kind == 5) s.append((char) random.nextInt(32));
            else if (kind == 6) s.append("\"\\[]{},:".charAt(random.nextInt(8)));
            else if (kind == 7) s.append((char) (0xD800 + random.nextInt(0x800)));
            else if (kind == 8) s.appendCodePoint(0x1F600 + random.nextInt(80));
            else s.append((char) (0x80 + random.nextInt(0x700)));
        }
        return s.toString();
    }

    /** A JSON string literal of {@code s}, escaped as a JSON encoder would (control characters as \\u). */
    private static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    private <T> T oneOf(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
