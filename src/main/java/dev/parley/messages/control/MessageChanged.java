package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.cluster.ClusterEvent;
import java.time.Instant;
import java.util.List;

/**
 * A message edited, deleted or reacted to, committed: for {@code message_updated} or
 * {@code message_deleted} to everyone who can see it (the room's sockets, or both people's).
 * {@code newlyMentionedIds}: the users an edit mentions who were not mentioned before, to be notified.
 * {@code version}: the message's {@code changedAt}, rising with each change of it, so that a node that
 * hears of two changes in the other order (from two nodes) keeps the later.
 */
public record MessageChanged(MessageView message, boolean deleted, Long roomId, long senderId, Long recipientId,
                             List<Long> newlyMentionedIds, Instant version)
        implements ClusterEvent {

    public boolean isDirect() {
        return recipientId != null;
    }
}
