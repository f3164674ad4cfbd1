package dev.parley.rooms.entity;

import java.util.Locale;

/** A member's role in a room, as stored in {@code room_members.role} and shown in the room's {@code role}. */
public enum Role {
    MEMBER,
    MODERATOR,
    OWNER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
