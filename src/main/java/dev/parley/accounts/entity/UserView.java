package dev.parley.accounts.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's {@code user} object. */
@Schema(name = "User", description = "An account: registered, guest or bot")
public record UserView(
        @Schema(type = SchemaType.INTEGER, format = "int64", example = "7") long id,
        @Schema(description = "3 to 32 characters of A-Z a-z 0-9 _ . -, unique case-insensitively, shown as typed", example = "alice")
        String username,
        @Schema(example = "Alice") String displayName,
        Instant createdAt,
        @Schema(description = "true for a username-only guest account") boolean guest,
        @Schema(description = "true for a bot account, which acts through tokens its owner made") boolean bot,
        @Schema(description = "true for a server admin (see Administration)") boolean admin) {
}
