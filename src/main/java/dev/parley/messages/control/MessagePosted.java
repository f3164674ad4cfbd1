package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.platform.ClusterEvent;

/**
 * A message that has just been committed, for delivery: to the sockets in its room, or, for a
 * direct message, to the recipient's and the sender's sockets.
 */
public record MessagePosted(MessageView message, long senderId, Long roomId, Long recipientId) implements ClusterEvent {

    public boolean isDirect() {
        return recipientId != null;
    }
}
