package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.cluster.ClusterEvent;
import java.util.List;

/**
 * A message that has just been committed, for delivery: to the sockets in its room, or, for a
 * direct message, to the recipient's and the sender's sockets. {@code senderSocketId} is the socket
 * it came from (null over REST), which it is not sent back to: carried here because the thread that
 * commits it may be storing a batch for other posters (see {@code GroupCommit}). {@code mentionedIds}
 * are the users its text mentions who can read it and are to hear of it (not those who block its sender).
 *
 * <p>{@code previousId}: the id of the message before it in its room or conversation (0 for the first),
 * read from the row locked while it was stored, so exact: every node delivers a room's messages in
 * that chain's order, and notices one it has not seen (see realtime's {@code Sequencer}).
 * {@code conversationId}: the conversation of a direct message.
 */
public record MessagePosted(MessageView message, long senderId, Long roomId, Long recipientId, String senderSocketId,
                            List<Long> mentionedIds, long previousId, Long conversationId) implements ClusterEvent {

    public boolean isDirect() {
        return recipientId != null;
    }

    /** Its room's or conversation's chain, as one number: rooms even, conversations odd. */
    public long chain() {
        return chainOf(roomId, conversationId);
    }

    public static long chainOf(Long roomId, Long conversationId) {
        return roomId != null ? roomId * 2 : conversationId * 2 + 1;
    }
}
