package dev.parley.realtime.container;

/**
 * Grizzly 4.0.2 (Payara 6.2025.10) can keep a header with no name when a request's header block is
 * malformed; Tyrus 2.1.5's servlet upgrade then walks the header names and throws a
 * NullPointerException from {@code MimeHeaders$NamesIterator}, which the container answers with 500
 * and a stack trace (found by faults/MalformedFramesIT). The request is bad input: the upgrade filter
 * answers 400 instead. Remove when Grizzly drops nameless headers or Tyrus skips them.
 */
public final class BrokenHeaders {
    private BrokenHeaders() {
    }

    /** Whether {@code failure} is that one: thrown inside Grizzly's header table. */
    public static boolean is(RuntimeException failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return failure instanceof NullPointerException && stack.length > 0
                && stack[0].getClassName().startsWith("org.glassfish.grizzly.http.util.");
    }
}
