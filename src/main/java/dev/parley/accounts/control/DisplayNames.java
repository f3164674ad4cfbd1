package dev.parley.accounts.control;

import dev.parley.errors.InvalidPayload;

/**
 * What a display name may be. Control and format characters are refused because they let a name
 * lie about itself: a right-to-left override (U+202E) reverses what follows it, zero-width
 * characters (U+200B, U+200D, U+FEFF) make look-alikes of other names, and line breaks break the
 * layout of every list the name appears in. The page also shows {@code @username} beside it.
 */
public final class DisplayNames {
    public static final int MAX_LENGTH = 64;

    private DisplayNames() {
    }

    /** The name stripped of surrounding whitespace; {@code fallback} when it is blank or absent. */
    public static String check(String displayName, String fallback) {
        if (displayName == null) return fallback;
        displayName.codePoints().forEach(c -> {
            if (refused(c)) {
                throw new InvalidPayload(String.format(
                        "displayName must not contain control or format characters (found U+%04X)", c));
            }
        });
        String stripped = displayName.strip();
        if (stripped.isEmpty()) return fallback;
        if (stripped.length() > MAX_LENGTH) throw new InvalidPayload("displayName must be at most " + MAX_LENGTH + " characters");
        return stripped;
    }

    /** A name from elsewhere (an identity provider) made acceptable: refused characters dropped, cut to length. */
    public static String lenient(String displayName, String fallback) {
        if (displayName == null) return fallback;
        StringBuilder kept = new StringBuilder();
        displayName.codePoints().filter(c -> !refused(c)).forEach(kept::appendCodePoint);
        String stripped = kept.toString().strip();
        if (stripped.length() > MAX_LENGTH) stripped = stripped.substring(0, MAX_LENGTH).strip();
        return stripped.isEmpty() ? fallback : stripped;
    }

    static boolean refused(int codePoint) {
        return switch (Character.getType(codePoint)) {
            // Unassigned code points stay allowed: this JDK's Unicode tables are older than the newest emoji.
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }
}
