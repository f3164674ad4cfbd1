package dev.parley.rooms.control;

import dev.parley.cluster.ClusterEvent;

/** A user joined or left a room: every socket of theirs follows. */
public record MembershipChanged(long userId, String room, boolean joined) implements ClusterEvent {
}
