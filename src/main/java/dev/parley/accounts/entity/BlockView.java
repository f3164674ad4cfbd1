package dev.parley.accounts.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of {@code GET /api/users/me/blocks}. */
@Schema(name = "BlockedUser", description = "Someone the caller blocks")
public record BlockView(@Schema(example = "mallory") String username,
                        @Schema(example = "Mallory") String displayName,
                        Instant blockedAt) {
}
