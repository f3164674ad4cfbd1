package dev.parley.presence.control;

import java.util.List;

/**
 * The presence changes of one batch interval, each user once with their latest state: every socket
 * of this node is told {@code presence} {@code {users}}. Node-local: each node batches the
 * {@link PresenceChanged} events it sees, its own and relayed ones.
 */
public record PresenceBatched(List<PresenceChanged> users) {
}
