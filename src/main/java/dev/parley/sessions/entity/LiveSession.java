package dev.parley.sessions.entity;

import java.time.Instant;

/**
 * What checking a token needs to know of its session, cached so that a check costs no query.
 * {@code tokenHash} is a personal access token's SHA-256 (null for a login), which the token
 * presented must match.
 */
public record LiveSession(String id, long userId, Instant expiresAt, boolean ended, String tokenHash) {

    public boolean isLive(Instant now) {
        return !ended && expiresAt.isAfter(now);
    }

    public boolean isToken() {
        return tokenHash != null;
    }

    /** A tombstone need outlive no token that could still be presented: {@code keepUntil} at the latest. */
    public LiveSession asEnded(Instant keepUntil) {
        return new LiveSession(id, userId, expiresAt.isBefore(keepUntil) ? expiresAt : keepUntil, true, tokenHash);
    }
}
