package dev.parley.files.control;

import dev.parley.errors.TooLarge;

/** The refusals of an upload that is too large, worded once. */
final class Refusals {
    private Refusals() {
    }

    static TooLarge overLimit(long maxBytes) {
        return new TooLarge("A file has at most " + maxBytes + " bytes");
    }

    static TooLarge overQuota(long quota) {
        return new TooLarge("This upload would take your stored files past your quota of " + quota + " bytes; delete some first");
    }
}
