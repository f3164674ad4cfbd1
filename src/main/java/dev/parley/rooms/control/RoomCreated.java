package dev.parley.rooms.control;

import dev.parley.cluster.ClusterEvent;
import dev.parley.rooms.entity.RoomView;

/** A room that has just been created, as its creator sees it; everyone is told. */
public record RoomCreated(RoomView room, long creatorId) implements ClusterEvent {
}
