package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.platform.ClusterEvent;
import java.util.List;

/**
 * A message that has just been committed, for delivery: to the sockets in its room, or, for a
 * direct message, to the recipient's and the sender's sockets. {@code senderSocketId} is the socket
 * it came from (null over REST), which it is not sent back to: carried here because the thread that
 * commits it may be storing a batch for other posters (see {@code GroupCommit}). {@code mentionedIds}
 * are the users its text mentions who can read it.
 */
public record MessagePosted(MessageView message, long senderId, Long roomId, Long recipientId, String senderSocketId,
                            List<Long> mentionedIds) implements ClusterEvent {

    public boolean isDirect() {
        return recipientId != null;
    }
}
