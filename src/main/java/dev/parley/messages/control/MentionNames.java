package dev.parley.messages.control;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usernames a text names as {@code @username}: pure parsing, no lookup. An {@code @} counts only
 * at the start or after a character that cannot be part of a username (so {@code a@b.c} is no
 * mention); a name ending in {@code .} or {@code -} (the end of a sentence) is tried without them too.
 * Keys are lower-cased, as usernames compare.
 */
final class MentionNames {
    /** More distinct names than this in one message are not looked up: a mass mention is spam, not a message. */
    static final int MAX = 20;
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})(?![A-Za-z0-9_])");

    private MentionNames() {
    }

    static Set<String> in(String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find() && keys.size() < MAX) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            keys.add(name);
            String trimmed = name.replaceAll("[.-]+$", "");
            if (trimmed.length() >= 3 && !trimmed.equals(name)) keys.add(trimmed);
        }
        return keys;
    }
}
