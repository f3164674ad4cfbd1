package dev.parley.files.control;

import dev.parley.errors.InvalidPayload;

/** A file's name as stored and shown: what it was uploaded with, made safe to show and to save. */
public final class FileNames {
    static final int MAX = 255;

    private FileNames() {
    }

    /**
     * The name without path separators and control characters (a client's path must not become a
     * folder on the downloader's disk, nor a line break in a header), stripped; 1 to 255 characters
     * are left, else {@code invalid_payload}.
     */
    public static String clean(String name) {
        if (name == null) throw new InvalidPayload("A file needs a name: ?name= or the part's filename");
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> c != '/' && c != '\\' && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && c != '\u2028' && c != '\u2029')
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        int length = cleaned.codePointCount(0, cleaned.length());
        if (length == 0) throw new InvalidPayload("A file's name must have 1 to " + MAX + " characters other than path separators and control characters");
        if (length > MAX) throw new InvalidPayload("A file's name has at most " + MAX + " characters");
        return cleaned;
    }
}
