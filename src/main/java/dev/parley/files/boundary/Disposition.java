package dev.parley.files.boundary;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} for a stored file (RFC 6266): {@code inline} for pictures, {@code attachment}
 * for the rest, with the name as a quoted ASCII {@code filename} and, for a name beyond ASCII, the exact
 * name as {@code filename*} (RFC 8187, UTF-8), which browsers prefer.
 */
final class Disposition {
    private Disposition() {
    }

    static String of(String name, boolean inline) {
        StringBuilder header = new StringBuilder(inline ? "inline" : "attachment");
        header.append("; filename=\"").append(asciiFallback(name)).append('"');
        if (!name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            header.append("; filename*=UTF-8''").append(percentEncoded(name));
        }
        return header.toString();
    }

    /** Beyond-ASCII and control characters as {@code _}, quotes and backslashes escaped for the quoted string. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c >= 0x7f) out.append('_');
            else if (c == '"' || c == '\\') out.append('\\').append((char) c);
            else out.append((char) c);
        });
        return out.toString();
    }

    /** RFC 8187's value-chars: attr-char as is, every other byte of the UTF-8 encoding as %XX. */
    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
