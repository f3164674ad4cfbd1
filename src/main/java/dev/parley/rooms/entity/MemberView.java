package dev.parley.rooms.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member of a room with their role, for the room's member list. */
@Schema(name = "Member", description = "A member of a room and their role")
public record MemberView(@Schema(example = "alice") String username,
                         @Schema(example = "Alice") String displayName,
                         @Schema(enumeration = {"owner", "moderator", "member"}, example = "moderator") String role,
                         @Schema(description = "Whether they are online (anywhere in the cluster)") boolean online,
                         Instant joinedAt,
                         @Schema(description = "true for a bot account") boolean bot,
                         @Schema(description = "true for a server admin (who moderates every room)") boolean admin) {
}
