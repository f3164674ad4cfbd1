package dev.parley.sessions.entity;

import java.time.Instant;

/** How many live sessions (logins and tokens) a user has, and when any of their sessions was last used. */
public record SessionsOfUser(long userId, long live, Instant lastSeenAt) {
}
