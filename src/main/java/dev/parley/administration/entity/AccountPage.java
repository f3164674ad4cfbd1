package dev.parley.administration.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the server admin's account listing, by username (case-insensitive). */
@Schema(name = "AdminAccountPage", description = "A page of every account, by username (case-insensitive)")
public record AccountPage(List<AccountRow> users,
                          @Schema(description = "Whether more accounts follow the last one of this page (page on with after)") boolean hasMore) {
}
