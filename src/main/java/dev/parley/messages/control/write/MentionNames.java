package dev.parley.messages.control.write;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usernames a text names as {@code @username}: pure parsing, no lookup. An {@code @} counts only
 * at the start or after a character that cannot be part of a username (so {@code a@b.c} is no
 * mention); a name ending in {@code .} or {@code -} (the end of a sentence) is tried without them too.
 * Keys are lower-cased, as usernames compare. A name inside code (a {@code `span`} or a fenced block,
 * as the page's app/markdown.js reads them) is shown as code, not as a mention, so it is none.
 */
final class MentionNames {
    /** More distinct names than this in one message are not looked up: a mass mention is spam, not a message. */
    static final int MAX = 20;
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})(?![A-Za-z0-9_])");
    private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}```\\s*[\\w+#.-]*\\s*$");
    private static final Pattern FENCE_CLOSE = Pattern.compile("^ {0,3}```\\s*$");
    private static final String ESCAPABLE = "\\`*_[]()#<>~!";

    private MentionNames() {
    }

    static Set<String> in(String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(outsideCode(text));
        while (m.find() && keys.size() < MAX) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            keys.add(name);
            String trimmed = name.replaceAll("[.-]+$", "");
            if (trimmed.length() >= 3 && !trimmed.equals(name)) keys.add(trimmed);
        }
        return keys;
    }

    /** The text with its code blocks and code spans blanked out (each a space). */
    static String outsideCode(String text) {
        if (text.indexOf('`') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (!FENCE_OPEN.matcher(lines[i]).matches()) {
                paragraph.append(lines[i]).append('\n');
                continue;
            }
            out.append(withoutSpans(paragraph)).append(' ');
            paragraph.setLength(0);
            while (i + 1 < lines.length && !FENCE_CLOSE.matcher(lines[i + 1]).matches()) i++;
            i++; // the closing fence, if there is one
        }
        return out.append(withoutSpans(paragraph)).toString();
    }

    private static String withoutSpans(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(i + 1)) >= 0) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = i;
                while (run < s.length() && s.charAt(run) == '`') run++;
                int close = closingRun(s, run, run - i);
                if (close < 0) {
                    out.append(s, i, run);
                    i = run;
                } else {
                    out.append(' ');
                    i = close + (run - i);
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where a run of exactly {@code n} backticks starts at or after {@code from}, or -1. */
    private static int closingRun(CharSequence s, int from, int n) {
        for (int j = from; j < s.length(); ) {
            if (s.charAt(j) != '`') {
                j++;
                continue;
            }
            int k = j;
            while (k < s.length() && s.charAt(k) == '`') k++;
            if (k - j == n) return j;
            j = k;
        }
        return -1;
    }
}
