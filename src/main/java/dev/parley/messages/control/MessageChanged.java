package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.platform.ClusterEvent;
import java.util.List;

/**
 * A message edited, deleted or reacted to, committed: for {@code message_updated} or
 * {@code message_deleted} to everyone who can see it (the room's sockets, or both people's).
 * {@code newlyMentionedIds}: the users an edit mentions who were not mentioned before, to be notified.
 */
public record MessageChanged(MessageView message, boolean deleted, Long roomId, long senderId, Long recipientId,
                             List<Long> newlyMentionedIds)
        implements ClusterEvent {

    public boolean isDirect() {
        return recipientId != null;
    }
}
