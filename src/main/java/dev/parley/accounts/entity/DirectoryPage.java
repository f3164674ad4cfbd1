package dev.parley.accounts.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/users}. */
@Schema(name = "DirectoryPage", description = "The accounts whose username or display name starts with the query")
public record DirectoryPage(@Schema(description = "An exact username match first, then by username (case-insensitive)")
                            List<DirectoryEntry> users) {
}
