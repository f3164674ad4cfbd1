package dev.parley.presence.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One user's sockets on every node, and whether the user is online: the rule both directories apply
 * ({@link LocalDirectory} in memory, the grid's to a shared entry). Nodes are told apart by a UUID
 * (the grid member's). Each change returns what the node that made it must do, so that whatever
 * happens to the whole cluster (online, grace started, offline) is done by exactly one node.
 *
 * <p>Two counts per node: sockets admitted (the per-user cap counts these, from the moment the gate
 * lets one through) and sockets connected (presence counts these, from the socket's welcome).
 * {@code graceOwner} is the node whose timer will end the grace period, {@code epoch} that timer's
 * token: a timer that finds another epoch was overtaken by a later disconnect and does nothing.
 * {@code version} grows with every announcement, so that nodes hearing them out of order keep the
 * latest. Not thread-safe.
 */
public final class UserSockets {
    public static final long NO_GRACE = -1;

    public long version;
    public long epoch;
    public boolean online;
    public long sinceMillis;
    public String username = "";
    public String displayName = "";
    public boolean bot;
    public UUID graceOwner;
    /** Per node: {admitted, connected}. */
    public final Map<UUID, int[]> nodes = new LinkedHashMap<>(2);

    public int admitted() {
        int n = 0;
        for (int[] counts : nodes.values()) n += counts[0];
        return n;
    }

    public int connected() {
        int n = 0;
        for (int[] counts : nodes.values()) n += counts[1];
        return n;
    }

    /** Nothing worth keeping: offline, no socket anywhere. */
    public boolean isEmpty() {
        return !online && nodes.isEmpty();
    }

    /** One socket more for the user on {@code node}, unless they have {@code max} anywhere. */
    public boolean admit(UUID node, int max) {
        if (admitted() >= max) return false;
        counts(node)[0]++;
        return true;
    }

    public void release(UUID node) {
        int[] counts = nodes.get(node);
        if (counts != null && counts[0] > 0) counts[0]--;
        forgetIfIdle(node);
    }

    /** A socket of the user connected on {@code node}: the announcement if this made them come online. */
    public PresenceAnnounced connected(long userId, UUID node, String username, String displayName, boolean bot,
                                       long versionFloor, long nowMillis) {
        counts(node)[1]++;
        graceOwner = null; // back within the grace period: no flicker
        if (online) return null;
        online = true;
        this.username = username;
        this.displayName = displayName;
        this.bot = bot;
        sinceMillis = nowMillis;
        return announce(userId, versionFloor);
    }

    /** A socket of the user gone from {@code node}: the grace timer's token if none is left anywhere. */
    public long disconnected(UUID node) {
        int[] counts = nodes.get(node);
        if (counts == null || counts[1] == 0) return NO_GRACE;
        counts[1]--;
        forgetIfIdle(node);
        return online && connected() == 0 ? startGrace(node) : NO_GRACE;
    }

    /** The grace period of {@code token} is over: the announcement if the user had no socket since. */
    public PresenceAnnounced expire(long userId, UUID node, long token, long versionFloor) {
        if (!online || connected() > 0 || epoch != token || !node.equals(graceOwner)) return null;
        online = false;
        graceOwner = null;
        return announce(userId, versionFloor);
    }

    public PresenceAnnounced renamed(long userId, String displayName, long versionFloor) {
        if (!online || displayName.equals(this.displayName)) return null;
        this.displayName = displayName;
        return announce(userId, versionFloor);
    }

    /**
     * Node {@code gone} left the cluster: its sockets are gone, and its grace timers with it. If that
     * leaves the user online with none, {@code survivor} starts the grace period: the token, else
     * {@link #NO_GRACE}.
     */
    public long nodeGone(UUID gone, UUID survivor) {
        int[] counts = nodes.remove(gone);
        boolean hadSockets = counts != null && counts[1] > 0;
        boolean timerLost = gone.equals(graceOwner);
        if (online && connected() == 0 && (hadSockets || timerLost)) return startGrace(survivor);
        return NO_GRACE;
    }

    /** How the user stands now, for a node that loads who is online. */
    public PresenceAnnounced asAnnounced(long userId) {
        return new PresenceAnnounced(userId, username, displayName, bot, online, Instant.ofEpochMilli(sinceMillis), version);
    }

    private long startGrace(UUID node) {
        graceOwner = node;
        return ++epoch;
    }

    private PresenceAnnounced announce(long userId, long versionFloor) {
        version = Math.max(version + 1, versionFloor);
        return asAnnounced(userId);
    }

    private int[] counts(UUID node) {
        return nodes.computeIfAbsent(node, k -> new int[2]);
    }

    private void forgetIfIdle(UUID node) {
        int[] counts = nodes.get(node);
        if (counts != null && counts[0] == 0 && counts[1] == 0) nodes.remove(node);
    }
}
