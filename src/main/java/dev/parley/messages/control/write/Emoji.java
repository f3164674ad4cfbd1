package dev.parley.messages.control.write;

import dev.parley.errors.InvalidPayload;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a reaction may be: one emoji, or a {@code :shortcode:} from {@link #SHORTCODES}.
 *
 * <p>Java 17 has no {@code Character.isEmoji} (Java 21 does), so the rule is written out: exactly one
 * extended grapheme cluster (regex {@code \X}, which handles ZWJ sequences since JDK 15), whose code
 * points are all emoji-ish: pictographs and symbols (U+1F000 to U+1FAFF, U+2600 to U+27BF, and the
 * few older symbols listed below), regional indicators (flags), skin tones, ZWJ, variation selector
 * 16, tag characters (subdivision flags); regional indicators only as a pair (a flag); or a keycap ({@code 0-9 # *} then U+20E3). Letters, digits
 * alone, punctuation and combining marks are refused. Switch to {@code Character.isEmoji*} on Java 21.
 */
final class Emoji {
    static final Set<String> SHORTCODES = Set.of(":thumbsup:", ":thumbsdown:", ":heart:", ":smile:", ":laughing:",
            ":joy:", ":tada:", ":eyes:", ":rocket:", ":fire:", ":pray:", ":clap:", ":wave:", ":ok_hand:", ":thinking:",
            ":100:", ":white_check_mark:", ":x:", ":+1:", ":-1:");
    private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");
    private static final int MAX_CHARS = 32;

    private Emoji() {
    }

    /** The emoji as given, or {@code invalid_payload}. */
    static String check(String emoji) {
        if (emoji == null || !valid(emoji)) {
            throw new InvalidPayload("emoji must be one emoji or one of the shortcodes " + String.join(" ", SHORTCODES.stream().sorted().toList()));
        }
        return emoji;
    }

    static boolean valid(String emoji) {
        if (SHORTCODES.contains(emoji)) return true;
        if (emoji.isEmpty() || emoji.length() > MAX_CHARS || !ONE_GRAPHEME.matcher(emoji).matches()) return false;
        int[] points = emoji.codePoints().toArray();
        if (isKeycap(points)) return true;
        boolean flag = points.length == 2 && regional(points[0]) && regional(points[1]);
        if (!flag && emoji.codePoints().anyMatch(Emoji::regional)) return false; // a lone regional indicator is a letter, not a flag
        if (!pictographic(points[0])) return false;
        for (int cp : points) {
            if (!pictographic(cp) && !joiner(cp)) return false;
        }
        return true;
    }

    private static boolean regional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isKeycap(int[] p) {
        boolean base = p.length > 0 && (p[0] == '#' || p[0] == '*' || (p[0] >= '0' && p[0] <= '9'));
        return base && ((p.length == 2 && p[1] == 0x20E3) || (p.length == 3 && p[1] == 0xFE0F && p[2] == 0x20E3));
    }

    private static boolean pictographic(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) // emoticons, pictographs, transport, flags' regional indicators, skin tones
                || (cp >= 0x2600 && cp <= 0x27BF) // miscellaneous symbols, dingbats
                || (cp >= 0x2300 && cp <= 0x23FF) // watch, hourglass, media controls
                || (cp >= 0x2B05 && cp <= 0x2B55) // arrows, star, circles
                || (cp >= 0x2194 && cp <= 0x21AA) // arrows
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139
                || cp == 0x24C2 || cp == 0x25AA || cp == 0x25AB || cp == 0x25B6 || cp == 0x25C0
                || (cp >= 0x25FB && cp <= 0x25FE) || cp == 0x2934 || cp == 0x2935
                || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }

    /** What joins or modifies pictographs inside one emoji: ZWJ, variation selector 16, tags. */
    private static boolean joiner(int cp) {
        return cp == 0x200D || cp == 0xFE0F || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
