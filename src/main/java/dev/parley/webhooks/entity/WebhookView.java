package dev.parley.webhooks.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as its room's owner and moderators see it listed: never its URL, which holds the secret. */
@Schema(name = "Webhook", description = "An incoming webhook of a room")
public record WebhookView(
        @Schema(type = SchemaType.INTEGER, format = "int64", example = "7") long id,
        @Schema(description = "1 to 64 characters; shown on its messages as `via`", example = "CI") String name,
        @Schema(description = "The username of who made it; its posts are theirs", example = "alice") String createdBy,
        Instant createdAt) {
}
