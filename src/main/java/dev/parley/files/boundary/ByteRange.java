package dev.parley.files.boundary;

/**
 * What a {@code Range} header asks of a file of a given size (RFC 9110, section 14): the whole file, one
 * range of it, or nothing it can meet (416). Several ranges, or a header that is not a byte range, are
 * answered with the whole file, as the RFC allows; a page asks for one range at a time.
 */
sealed interface ByteRange {
    record Whole() implements ByteRange {
    }

    /** Bytes {@code first} to {@code last}, both included. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }

        String contentRange(long size) {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    record Unsatisfiable() implements ByteRange {
    }

    static ByteRange of(String header, long size) {
        if (header == null) return new Whole();
        String spec = header.strip();
        if (!spec.regionMatches(true, 0, "bytes=", 0, 6)) return new Whole();
        spec = spec.substring(6).strip();
        if (spec.contains(",")) return new Whole();
        int dash = spec.indexOf('-');
        if (dash < 0) return new Whole();
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        try {
            if (from.isEmpty()) { // the last n bytes
                if (to.isEmpty()) return new Whole();
                long n = digits(to);
                if (n == 0 || size == 0) return new Unsatisfiable();
                return new Part(Math.max(0, size - n), size - 1);
            }
            long first = digits(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : digits(to);
            if (last < first) return new Whole(); // invalid: ignored
            if (first >= size) return new Unsatisfiable();
            return new Part(first, Math.min(last, size - 1));
        } catch (NumberFormatException malformed) {
            return new Whole();
        }
    }

    private static long digits(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) throw new NumberFormatException(s);
        return s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
    }
}
