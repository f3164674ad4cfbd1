package dev.parley.presence.control;

import dev.parley.presence.entity.OnlineTally;
import java.util.List;

/**
 * Where a node counts each user's sockets: alone ({@link LocalDirectory}, in memory, the single-node
 * default) or with the other nodes of its data grid ({@code presence/grid}). Every change is applied
 * by the rule of {@link UserSockets}, atomically for the user across the cluster, and answers what
 * this node must do about it; {@link Liveness} does it.
 */
public interface OnlineDirectory {

    /** Reserves one of the user's {@code max} sockets; false if they have that many anywhere. */
    boolean admit(long userId, int max);

    /** Gives back a socket reserved by {@link #admit} on this node. */
    void release(long userId);

    /** A socket of the user is connected here: the announcement if they came online with it, else null. */
    PresenceAnnounced connected(long userId, String username, String displayName, boolean bot);

    /** A socket of the user is gone from here: the grace timer's token if they have none left anywhere, else {@link UserSockets#NO_GRACE}. */
    long disconnected(long userId);

    /** The grace period of {@code token}, started on this node, is over: the announcement if they went offline. */
    PresenceAnnounced expire(long userId, long token);

    /** The user's new display name: the announcement if they are online. */
    PresenceAnnounced renamed(long userId, String displayName);

    /** How many users are online and how many sockets are connected, on every node: one read of every entry. */
    OnlineTally tally();

    /** Everyone online now, for a node that starts. */
    List<PresenceAnnounced> online();

    /**
     * Called when another node is gone and left users online with no socket anywhere: this node owns
     * their grace period ({@code token} as from {@link #disconnected}). Never called on a single node.
     */
    void onOrphans(Orphans orphans);

    void close();

    interface Orphans {
        void graceStarted(long userId, long token);
    }
}
