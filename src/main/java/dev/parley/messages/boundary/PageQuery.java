package dev.parley.messages.boundary;

import dev.parley.errors.InvalidPayload;

/** Query numbers parsed here: JAX-RS answers a malformed one with 404, not the contract's 400. */
final class PageQuery {
    private PageQuery() {
    }

    static Long number(String name, String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidPayload(name + " must be a whole number");
        }
    }

    /** Its range is checked by the control code, after access (a stranger's bad limit is no different from a good one). */
    static Integer limit(String value) {
        Long limit = number("limit", value);
        return limit == null ? null : (int) Math.max(Math.min(limit, Integer.MAX_VALUE), Integer.MIN_VALUE);
    }
}
