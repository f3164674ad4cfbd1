package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.platform.ClusterEvent;

/**
 * A message edited, deleted or reacted to, committed: for {@code message_updated} or
 * {@code message_deleted} to everyone who can see it (the room's sockets, or both people's).
 */
public record MessageChanged(MessageView message, boolean deleted, Long roomId, long senderId, Long recipientId)
        implements ClusterEvent {

    public boolean isDirect() {
        return recipientId != null;
    }
}
