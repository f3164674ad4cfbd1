package dev.parley.rooms.entity;

/**
 * One row of the room list a socket gets on connect: a room the user is a member of, with its kept
 * member count, its creator's username (null for {@code feed} or a deleted creator), the user's unread
 * messages and mentions above their read marker, and their role.
 */
public record JoinedRoom(long roomId, long members, String createdBy, long unread, long mentions, String role) {
}
