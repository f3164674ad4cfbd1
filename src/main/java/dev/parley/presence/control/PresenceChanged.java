package dev.parley.presence.control;

import dev.parley.platform.ClusterEvent;
import java.time.Instant;

/** A user came online or went offline: every socket is told {@code presence}. */
public record PresenceChanged(String username, boolean online, Instant at) implements ClusterEvent {
}
