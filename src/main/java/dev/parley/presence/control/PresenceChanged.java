package dev.parley.presence.control;

import dev.parley.platform.ClusterEvent;
import java.time.Instant;

/**
 * A user came online or went offline. Every node collects these into a {@link PresenceBatch}, so a
 * socket hears of them in batches ({@link PresenceBatched}), not one event each.
 */
public record PresenceChanged(String username, String displayName, boolean online, Instant at) implements ClusterEvent {
}
