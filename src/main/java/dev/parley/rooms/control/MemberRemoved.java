package dev.parley.rooms.control;

import dev.parley.cluster.ClusterEvent;

/**
 * A moderator removed ({@code kicked}) or banned ({@code banned}) a user from a room: every socket of
 * theirs leaves it at once and is told {@code room_removed}.
 */
public record MemberRemoved(long userId, String room, String reason) implements ClusterEvent {
    public static final String KICKED = "kicked";
    public static final String BANNED = "banned";
}
