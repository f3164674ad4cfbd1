package dev.parley.messages.control.write;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a message's text mentions ({@code users}, by id, in username order) and which of them hear
 * nothing of it ({@code unheard}: they block its author). The message lists them all, as its text
 * does; only the others are notified and counted as unread mentions.
 */
record Mentioned(Map<Long, String> users, Set<Long> unheard) {
    static final Mentioned NONE = new Mentioned(Map.of(), Set.of());

    /** The usernames, as the message's {@code mentions} shows them. */
    List<String> names() {
        return List.copyOf(users.values());
    }

    /** The users to notify. */
    List<Long> heard() {
        return users.keySet().stream().filter(id -> !unheard.contains(id)).toList();
    }
}
