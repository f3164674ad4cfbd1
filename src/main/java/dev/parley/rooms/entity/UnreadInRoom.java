package dev.parley.rooms.entity;

/** The user's role in a room they are a member of, and the messages from others above their read marker. */
public record UnreadInRoom(long roomId, long unread, String role) {
}
