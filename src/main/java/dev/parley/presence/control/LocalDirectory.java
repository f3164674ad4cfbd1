package dev.parley.presence.control;

import dev.parley.presence.entity.OnlineTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The directory of a single node: the users' sockets in memory, under one lock, as before there was
 * a grid (no cost added where there is one node). Versions come from one counter, so they grow
 * across a user going offline and coming back.
 */
public final class LocalDirectory implements OnlineDirectory {
    private static final UUID THIS_NODE = new UUID(0, 0);

    private final Map<Long, UserSockets> users = new HashMap<>();
    private long versions;

    @Override
    public synchronized boolean admit(long userId, int max) {
        return users.computeIfAbsent(userId, k -> new UserSockets()).admit(THIS_NODE, max) || forgetIfEmpty(userId);
    }

    @Override
    public synchronized void release(long userId) {
        UserSockets user = users.get(userId);
        if (user == null) return;
        user.release(THIS_NODE);
        forgetIfEmpty(userId);
    }

    @Override
    public synchronized PresenceAnnounced connected(long userId, String username, String displayName, boolean bot) {
        return users.computeIfAbsent(userId, k -> new UserSockets())
                .connected(userId, THIS_NODE, username, displayName, bot, ++versions, System.currentTimeMillis());
    }

    @Override
    public synchronized long disconnected(long userId) {
        UserSockets user = users.get(userId);
        if (user == null) return UserSockets.NO_GRACE;
        long token = user.disconnected(THIS_NODE);
        forgetIfEmpty(userId);
        return token;
    }

    @Override
    public synchronized PresenceAnnounced expire(long userId, long token) {
        UserSockets user = users.get(userId);
        if (user == null) return null;
        PresenceAnnounced offline = user.expire(userId, THIS_NODE, token, ++versions);
        forgetIfEmpty(userId);
        return offline;
    }

    @Override
    public synchronized PresenceAnnounced renamed(long userId, String displayName) {
        UserSockets user = users.get(userId);
        return user == null ? null : user.renamed(userId, displayName, ++versions);
    }

    @Override
    public synchronized OnlineTally tally() {
        long online = 0;
        long sockets = 0;
        for (UserSockets user : users.values()) {
            if (user.online) online++;
            sockets += user.connected();
        }
        return new OnlineTally(online, sockets);
    }

    @Override
    public synchronized List<PresenceAnnounced> online() {
        List<PresenceAnnounced> online = new ArrayList<>();
        users.forEach((id, user) -> {
            if (user.online) online.add(user.asAnnounced(id));
        });
        return online;
    }

    @Override
    public void onOrphans(Orphans orphans) {
        // One node: no other node can leave users behind.
    }

    @Override
    public void close() {
    }

    /** Always false, for {@link #admit}'s refusal. */
    private boolean forgetIfEmpty(long userId) {
        UserSockets user = users.get(userId);
        if (user != null && user.isEmpty()) users.remove(userId);
        return false;
    }
}
