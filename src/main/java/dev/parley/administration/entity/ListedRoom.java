package dev.parley.administration.entity;

import dev.parley.rooms.entity.RoomView;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's room object as the admin sees it, with one additive field, {@code owner}, so that the
 * console shows owners without a call per room. Clients that know only the room object ignore it.
 */
@Schema(name = "AdminRoom", description = "A room as the server admin sees it, plus its owner (additive)")
public record ListedRoom(String name,
                         @Schema(nullable = true) String topic,
                         @Schema(nullable = true, description = "The creator's username; null for feed") String createdBy,
                         Instant createdAt,
                         @Schema(type = SchemaType.INTEGER, format = "int64", description = "How many users are members") long members,
                         @Schema(description = "Whether the admin is a member") boolean member,
                         @Schema(type = SchemaType.INTEGER, format = "int64") long unread,
                         @Schema(type = SchemaType.INTEGER, format = "int64") long mentions,
                         @JsonbProperty("private") @Schema(name = "private") boolean isPrivate,
                         @Schema(nullable = true, enumeration = {"owner", "moderator", "member"}, description = "The admin's own role; null when not a member")
                         String role,
                         @Schema(nullable = true, description = "The room's own retention; null: the server's", example = "P90D") String retention,
                         @Schema(nullable = true, description = "The owner's username; null when the room has none (feed)", example = "alice")
                         String owner) {

    public static ListedRoom of(RoomView room, String owner) {
        return new ListedRoom(room.name(), room.topic(), room.createdBy(), room.createdAt(), room.members(), room.member(),
                room.unread(), room.mentions(), room.isPrivate(), room.role(), room.retention(), owner);
    }
}
