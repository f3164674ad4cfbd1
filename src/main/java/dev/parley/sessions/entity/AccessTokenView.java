package dev.parley.sessions.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's token {@code info}: never the token, never its hash. */
@Schema(name = "AccessToken", description = "A personal access token, as its owner sees it after it was made")
public record AccessTokenView(@Schema(example = "3f1c2a9e-5b7d-4e0a-9c1f-2d8b6a4e7c10") String id,
                              @Schema(example = "backup script") String name,
                              Instant createdAt,
                              @Schema(description = "null: it never expires") Instant expiresAt,
                              @Schema(description = "null until first used; then kept current within about a minute") Instant lastUsedAt) {

    /** {@code expiresAt}: as shown, null for a token that never expires. */
    public static AccessTokenView of(Session token, Instant expiresAt) {
        return new AccessTokenView(token.id(), token.name(), token.createdAt(), expiresAt, token.lastSeenAt());
    }
}
