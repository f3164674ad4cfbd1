package dev.parley.sessions.entity;

import java.time.Instant;

/** The contract's {@code session} object. */
public record SessionView(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                          String userAgent, String ip, boolean current, int connections) {

    public static SessionView of(Session s, String currentId, int connections) {
        return new SessionView(s.id(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.userAgent(), s.ip(),
                s.id().equals(currentId), connections);
    }
}
