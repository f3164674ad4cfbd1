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

    static Integer limit(String value) {
        Long limit = number("limit", value);
        if (limit == null) return null;
        if (limit < 1 || limit > 200) throw new InvalidPayload("limit must be 1 to 200");
        return limit.intValue();
    }
}
