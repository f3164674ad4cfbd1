package dev.parley.sessions.entity;

import java.time.Instant;

/** What checking a token needs to know of its session, cached so that a check costs no query. */
public record LiveSession(String id, long userId, Instant expiresAt, boolean ended) {

    public boolean isLive(Instant now) {
        return !ended && expiresAt.isAfter(now);
    }

    public LiveSession asEnded() {
        return new LiveSession(id, userId, expiresAt, true);
    }
}
