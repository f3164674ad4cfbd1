package dev.parley.presence.grid;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.parley.presence.control.OnlineDirectory;
import dev.parley.presence.control.PresenceAnnounced;
import dev.parley.presence.control.UserSockets;
import dev.parley.presence.entity.OnlineTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The directory shared by the nodes of a Hazelcast cluster: one map entry per user with a socket
 * anywhere (or online within the grace period), holding each member's counts ({@link UserSockets},
 * stored as {@link StoredSockets}). Each change reads the entry and writes it back only if nobody
 * changed it meanwhile (compare-and-set, retried), so exactly one member sees each transition of a
 * user (came online, none left, went offline) and acts on it for the cluster.
 *
 * <p>Compare-and-set rather than an entry processor: a processor is an application class, which
 * would have to be deserialized on the partition's owner and its backups, on Hazelcast's threads
 * (see {@link StoredSockets}). It costs a second round trip per change, on connect and disconnect only.
 *
 * <p>When a member leaves (Hazelcast's failure detection decides when), every survivor removes the
 * counts it left in the entries naming it; the one whose write leaves a user online with no socket
 * owns that user's grace period, as it would after a disconnect of its own. The same happens to the
 * grace periods the member that left was running.
 */
public final class GridDirectory implements OnlineDirectory {
    private static final Logger LOG = Logger.getLogger(GridDirectory.class.getName());
    static final String MAP = "parley-presence";
    /** Versions from the cluster's clock (ms) times this: they grow across a user's entry being removed and made again. */
    private static final long PER_MILLI = 1024;

    private final HazelcastInstance hazelcast;
    private final IMap<Long, String> users;
    private final UUID me;
    private final UUID membershipListener;
    private final ExecutorService leavers = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "parley-presence-leavers");
        thread.setDaemon(true);
        return thread;
    });
    /** Null until Presence starts: orphans found before then wait in {@link #unclaimed}. */
    private Orphans orphans;
    private final List<long[]> unclaimed = new ArrayList<>();

    public GridDirectory(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.users = hazelcast.getMap(MAP);
        this.me = hazelcast.getCluster().getLocalMember().getUuid();
        // Off Hazelcast's event thread: the clean-up calls the grid and waits.
        this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberRemoved(MembershipEvent event) {
                UUID gone = event.getMember().getUuid();
                leavers.execute(() -> memberGone(gone));
            }
        });
    }

    /** For Directories: the grid's instance comes from cluster/grid as an Object. */
    public static OnlineDirectory of(Object hazelcastInstance) {
        return new GridDirectory((HazelcastInstance) hazelcastInstance);
    }

    @Override
    public boolean admit(long userId, int max) {
        return change(userId, user -> user.admit(me, max));
    }

    @Override
    public void release(long userId) {
        try {
            change(userId, user -> {
                user.release(me);
                return null;
            });
        } catch (HazelcastInstanceNotActiveException shuttingDown) {
            // This member is leaving: the others remove its counts when it has left.
        }
    }

    @Override
    public PresenceAnnounced connected(long userId, String username, String displayName, boolean bot) {
        return change(userId, user -> user.connected(userId, me, username, displayName, bot, versionFloor(), clusterTime()));
    }

    @Override
    public long disconnected(long userId) {
        try {
            return change(userId, user -> user.disconnected(me));
        } catch (HazelcastInstanceNotActiveException shuttingDown) {
            return UserSockets.NO_GRACE;
        }
    }

    @Override
    public PresenceAnnounced expire(long userId, long token) {
        return change(userId, user -> user.expire(userId, me, token, versionFloor()));
    }

    @Override
    public PresenceAnnounced renamed(long userId, String displayName) {
        return change(userId, user -> user.renamed(userId, displayName, versionFloor()));
    }

    @Override
    public OnlineTally tally() {
        long online = 0;
        long sockets = 0;
        for (String stored : users.values()) {
            UserSockets user = StoredSockets.decode(stored);
            if (user.online) online++;
            sockets += user.connected();
        }
        return new OnlineTally(online, sockets);
    }

    @Override
    public List<PresenceAnnounced> online() {
        List<PresenceAnnounced> online = new ArrayList<>();
        for (Map.Entry<Long, String> entry : users.entrySet()) {
            UserSockets user = StoredSockets.decode(entry.getValue());
            if (user.online) online.add(user.asAnnounced(entry.getKey()));
        }
        return online;
    }

    @Override
    public void onOrphans(Orphans orphans) {
        List<long[]> waiting;
        synchronized (this) {
            this.orphans = orphans;
            waiting = List.copyOf(unclaimed);
            unclaimed.clear();
        }
        waiting.forEach(orphan -> orphans.graceStarted(orphan[0], orphan[1]));
    }

    @Override
    public void close() {
        leavers.shutdownNow();
        try {
            hazelcast.getCluster().removeMembershipListener(membershipListener);
        } catch (HazelcastInstanceNotActiveException alreadyGone) {
            // nothing to remove
        }
    }

    /** The entries naming the member that left: its counts, or a grace period it was running. */
    void memberGone(UUID gone) {
        try {
            for (Long userId : users.keySet(Predicates.like("this", "%" + gone + "%"))) {
                long token = change(userId, user -> user.nodeGone(gone, me));
                if (token != UserSockets.NO_GRACE) adopt(userId, token);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence: could not clear the sockets of a member that left ({0})", e.toString());
        }
    }

    private void adopt(long userId, long token) {
        Orphans told;
        synchronized (this) {
            told = orphans;
            if (told == null) unclaimed.add(new long[]{userId, token});
        }
        if (told != null) told.graceStarted(userId, token);
    }

    /** Applies {@code change} to the user's entry atomically: re-read and re-applied until no other write came between. */
    private <R> R change(long userId, Function<UserSockets, R> change) {
        while (true) {
            String before = users.get(userId);
            UserSockets user = StoredSockets.decode(before);
            R result = change.apply(user);
            String after = user.isEmpty() ? null : StoredSockets.encode(user);
            if (Objects.equals(before, after)) return result;
            boolean written;
            if (before == null) written = users.putIfAbsent(userId, after) == null;
            else if (after == null) written = users.remove(userId, before);
            else written = users.replace(userId, before, after);
            if (written) return result;
        }
    }

    private long clusterTime() {
        return hazelcast.getCluster().getClusterTime();
    }

    private long versionFloor() {
        return clusterTime() * PER_MILLI;
    }
}
