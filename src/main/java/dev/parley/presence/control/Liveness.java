package dev.parley.presence.control;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's part in deciding who is online: tells the directory of each socket that comes and goes,
 * runs the grace periods this node owns (its own last sockets, and those of a node that left), and
 * announces what the directory says changed. Announcements are made outside every lock: their
 * observers take locks of their own.
 */
public final class Liveness {
    private static final Logger LOG = Logger.getLogger(Liveness.class.getName());

    private final OnlineDirectory directory;
    private final long graceMillis;
    private final ScheduledExecutorService timers;
    private final Consumer<PresenceAnnounced> announce;

    public Liveness(OnlineDirectory directory, Duration grace, ScheduledExecutorService timers, Consumer<PresenceAnnounced> announce) {
        this.directory = directory;
        this.graceMillis = grace.toMillis();
        this.timers = timers;
        this.announce = announce;
        directory.onOrphans(this::startGrace);
    }

    public void connected(long userId, String username, String displayName, boolean bot) {
        PresenceAnnounced online = directory.connected(userId, username, displayName, bot);
        if (online != null) announce.accept(online);
    }

    public void disconnected(long userId) {
        long token = directory.disconnected(userId);
        if (token != UserSockets.NO_GRACE) startGrace(userId, token);
    }

    public void renamed(long userId, String displayName) {
        PresenceAnnounced renamed = directory.renamed(userId, displayName);
        if (renamed != null) announce.accept(renamed);
    }

    /** Most timers end finding the user back (the directory says so): nothing is cancelled here. */
    private void startGrace(long userId, long token) {
        timers.schedule(() -> expire(userId, token), graceMillis, TimeUnit.MILLISECONDS);
    }

    private void expire(long userId, long token) {
        try {
            PresenceAnnounced offline = directory.expire(userId, token);
            if (offline != null) announce.accept(offline);
        } catch (RuntimeException e) { // a timer's exception would vanish with its future
            LOG.log(Level.WARNING, "Presence: could not end a grace period ({0})", e.toString());
        }
    }
}
