package dev.parley.rooms.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone on a room's list of bans or of invitations: who put them there, and when. */
@Schema(name = "ListedUser", description = "A banned or invited user, by whom and when")
public record ListedUser(@Schema(example = "mallory") String username,
                         @Schema(example = "Mallory") String displayName,
                         @Schema(nullable = true, description = "Who banned or invited them; null when that account was deleted", example = "alice")
                         String by,
                         Instant at) {
}
