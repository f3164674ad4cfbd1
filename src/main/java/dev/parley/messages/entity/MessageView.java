package dev.parley.messages.entity;

import dev.parley.files.entity.FileView;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
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
        @Schema(nullable = true, description = "The sender's idempotency key, if it gave one", example = "c-5f2e") String clientMsgId,
        @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true, description = "The id of the message this one answers, in the same room or conversation")
        Long replyTo,
        @Schema(nullable = true, description = "When the author last edited the text") Instant editedAt,
        @Schema(description = "A deleted message keeps its id and place, with empty text and no reactions, mentions or files") boolean deleted,
        @Schema(description = "Per emoji: how many reacted, and up to 20 of their usernames") List<Reaction> reactions,
        @Schema(description = "The usernames the text mentions as @username, of users who can read the message") List<String> mentions,
        @Schema(description = "Its files, in the order they were sent (at most 10); empty when none, and a deleted message has none")
        List<FileView> files,
        @Schema(nullable = true, description = "The name of the incoming webhook that posted it for its sender; null for what people post", example = "CI")
        String via)
        implements Serializable {

    /** One emoji's reactions on a message: the count, and at most {@code MAX_USERS} usernames. */
    @Schema(name = "Reaction", description = "One emoji's reactions on a message")
    public record Reaction(@Schema(description = "One emoji, or a :shortcode: from the fixed list", example = "👍") String emoji,
                           @Schema(type = SchemaType.INTEGER, format = "int64", example = "3") long count,
                           @Schema(description = "Up to 20 of the users who reacted, earliest first") List<String> users)
            implements Serializable {
        public static final int MAX_USERS = 20;
    }
}
