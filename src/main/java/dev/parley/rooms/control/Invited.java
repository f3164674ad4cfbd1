package dev.parley.rooms.control;

import dev.parley.cluster.ClusterEvent;
import dev.parley.rooms.entity.RoomView;

/** A user was invited to a room, shown as they see it now: their sockets get {@code room_invited}. */
public record Invited(long userId, RoomView room) implements ClusterEvent {
}
