package dev.parley.webhooks.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook just made: the only time its {@code url}, and so its secret, is shown. */
@Schema(name = "NewWebhook", description = "A webhook just made, with its URL (shown this once)")
public record NewWebhook(
        @Schema(type = SchemaType.INTEGER, format = "int64", example = "7") long id,
        @Schema(example = "CI") String name,
        @Schema(description = "POST here to post into the room; it holds the secret and is shown this once",
                example = "https://chat.example.com/hooks/7/Zk3v8sQ0yX2mB1nRt5uWq9cE4hJ6aL0pD7fG2kS8vY1") String url,
        @Schema(example = "alice") String createdBy,
        Instant createdAt) {
}
