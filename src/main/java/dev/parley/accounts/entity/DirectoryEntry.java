package dev.parley.accounts.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One account of the people directory ({@code GET /api/users}): what name completion shows. */
@Schema(name = "DirectoryUser", description = "A registered or bot account, as name completion shows it")
public record DirectoryEntry(@Schema(example = "karin") String username,
                             @Schema(example = "Karin Larsson") String displayName,
                             @Schema(description = "true for a bot account") boolean bot) {
}
