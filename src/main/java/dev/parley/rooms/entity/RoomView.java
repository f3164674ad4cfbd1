package dev.parley.rooms.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's {@code room} object, as one caller sees it. */
@Schema(name = "Room", description = "A room, as the caller sees it")
public record RoomView(@Schema(description = "1 to 64 characters of a-z 0-9 _ -", example = "general") String name,
                       @Schema(nullable = true, example = "Anything goes") String topic,
                       @Schema(nullable = true, description = "The creator's username; null for feed", example = "alice") String createdBy,
                       Instant createdAt,
                       @Schema(type = SchemaType.INTEGER, format = "int64", description = "How many users are members", example = "12") long members,
                       @Schema(description = "Whether the caller is a member") boolean member,
                       @Schema(type = SchemaType.INTEGER, format = "int64", description = "Messages from others above the caller's read marker", example = "3")
                       long unread,
                       @Schema(type = SchemaType.INTEGER, format = "int64", description = "Unread messages that mention the caller", example = "1")
                       long mentions,
                       @JsonbProperty("private")
                       @Schema(name = "private", description = "Whether only members and those invited can see the room") boolean isPrivate,
                       @Schema(nullable = true, enumeration = {"owner", "moderator", "member"},
                               description = "The caller's role in the room; null when not a member", example = "member") String role,
                       @Schema(nullable = true, description = "The room's own message retention, an ISO-8601 duration as it was set; "
                               + "null: the server's (PARLEY_RETENTION)", example = "P90D") String retention)
        implements Serializable {

    /** The same room as someone who is not in it sees it (a new room's announcement to the others, an invitation). */
    public RoomView asOutsider() {
        return new RoomView(name, topic, createdBy, createdAt, members, false, 0, 0, isPrivate, null, retention);
    }
}
