package dev.parley.http;

import dev.parley.errors.InvalidPayload;

/**
 * A listing's {@code limit} query parameter: 1 to {@code max}, {@code fallback} when not given, and
 * anything else {@code invalid_payload}. Read from the query's text here rather than bound by JAX-RS,
 * which answers a malformed number in a query with 404 instead of the contract's 400.
 */
public record PageSize(int fallback, int max) {
    public int of(String asked) {
        if (asked == null || asked.isEmpty()) return fallback;
        long limit;
        try {
            limit = Long.parseLong(asked);
        } catch (NumberFormatException e) {
            throw new InvalidPayload("limit must be a whole number");
        }
        if (limit < 1 || limit > max) throw new InvalidPayload("limit must be 1 to " + max);
        return (int) limit;
    }
}
