package dev.parley.presence.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of who is online, by username (case-insensitive). */
@Schema(name = "OnlineUserPage", description = "A page of the users online, by username (case-insensitive)")
public record OnlinePage(List<OnlineUser> users,
                         @Schema(description = "How many users are online in all") int total,
                         @Schema(description = "Whether more users follow the last one of this page (page on with after)") boolean hasMore) {
}
