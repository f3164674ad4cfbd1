package dev.parley.rooms.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a room's members: the owner, then the moderators, then the rest, each group by username. */
@Schema(name = "MembersPage", description = "A page of a room's members")
public record MembersPage(List<MemberView> members,
                          @Schema(description = "Whether more members follow: ask again with after = the last username") boolean hasMore) {
}
