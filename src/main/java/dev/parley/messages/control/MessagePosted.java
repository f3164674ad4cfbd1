package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.platform.ClusterEvent;

/** A message that has just been committed, for delivery to the sockets in its room. */
public record MessagePosted(MessageView message) implements ClusterEvent {
}
