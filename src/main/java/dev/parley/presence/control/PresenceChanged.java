package dev.parley.presence.control;

import java.time.Instant;

/**
 * A change of who is online as this node's sockets hear of it: stamped by this node's list
 * ({@link OnlineView}) when it applied the {@link PresenceAnnounced}. Node-local (the announcement is
 * what crosses nodes); collected into a {@link PresenceBatch}, so a socket hears of them in batches
 * ({@link PresenceBatched}), not one event each.
 */
public record PresenceChanged(String username, String displayName, boolean bot, boolean online, Instant at) {
}
