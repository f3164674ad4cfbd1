package dev.parley.messages.control;

import dev.parley.cluster.ClusterEvent;

/**
 * Someone is typing in a room, or to one user; relayed to the others, never stored. Fired by
 * {@link TypingAnnouncer} only once the typist may be seen there.
 */
public record Typing(String room, Long toUserId, long fromUserId, String from) implements ClusterEvent {
}
