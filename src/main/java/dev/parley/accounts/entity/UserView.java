package dev.parley.accounts.entity;

import java.time.Instant;

/** The contract's {@code user} object. */
public record UserView(long id, String username, String displayName, Instant createdAt, boolean guest) {
}
