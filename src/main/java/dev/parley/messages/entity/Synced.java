package dev.parley.messages.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code sync} answers: the messages missed, the changes to those already seen, which rooms and
 * conversations were cut at the limit, and the time to give as {@code since} next time.
 */
public record Synced(List<MessageView> messages, List<MessageView> updates, Map<String, Map<String, Boolean>> hasMore,
                     Instant syncedAt) {
}
