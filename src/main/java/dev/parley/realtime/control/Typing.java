package dev.parley.realtime.control;

import dev.parley.platform.ClusterEvent;

/** Someone is typing in a room, or to one user; relayed to the others, never stored. */
public record Typing(String room, Long toUserId, long fromUserId, String from) implements ClusterEvent {
}
