package dev.parley.messages.entity;

import java.io.Serializable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's {@code message} object: {@code room} set for room messages, {@code to} for direct ones. */
@Schema(name = "Message", description = "A stored message: `room` is set for room messages, `to` for direct ones")
public record MessageView(
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Unique across the server, increasing within a room or conversation", example = "1042")
        long id,
        @Schema(nullable = true, example = "feed") String room,
        @Schema(nullable = true, description = "The recipient's username, for a direct message") String to,
        @Schema(description = "The sender's username", example = "alice") String from,
        @Schema(example = "Alice") String fromDisplayName,
        @Schema(description = "1 to 4000 characters, stored trimmed", example = "hello") String text,
        Instant createdAt,
        @Schema(nullable = true, description = "The sender's idempotency key, if it gave one", example = "c-5f2e") String clientMsgId)
        implements Serializable {
}
