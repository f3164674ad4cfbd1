package dev.parley.messages.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One user's {@code notification} for a new message: held back from that user's sockets whose focus
 * is the conversation it belongs to ({@code room}, or {@code with} seen from the user).
 */
public record Notice(long userId, String kind, String room, String with, String from, String preview, long unread,
                     long messageId) {

    /** The contract's payload: {@code {kind, room?, with?, from, preview, unread, messageId}}. */
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind);
        if (room != null) p.put("room", room);
        if (with != null) p.put("with", with);
        p.put("from", from);
        p.put("preview", preview);
        p.put("unread", unread);
        p.put("messageId", messageId);
        return p;
    }
}
