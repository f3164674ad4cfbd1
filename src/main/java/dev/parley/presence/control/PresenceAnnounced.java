package dev.parley.presence.control;

import dev.parley.cluster.ClusterEvent;
import java.time.Instant;

/**
 * A user came online, went offline, or changed their display name while online, decided once for the
 * whole cluster by the node whose change made it so, and relayed to every node: each applies it to
 * its own list ({@link OnlineView}) and tells its own sockets in its next batch. {@code version}
 * grows with each announcement of a user, so that a node keeps the latest whatever order
 * announcements from several nodes reach it in.
 */
public record PresenceAnnounced(long userId, String username, String displayName, boolean bot, boolean online, Instant since,
                                long version) implements ClusterEvent {
}
