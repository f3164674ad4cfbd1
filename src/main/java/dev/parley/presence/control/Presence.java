package dev.parley.presence.control;

import dev.parley.platform.Json;
import dev.parley.presence.entity.OnlineUser;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is online: a user is while any of their sockets is connected, and goes offline only after a
 * grace period with none, so that a reload does not flicker. Changes are announced as
 * {@link PresenceChanged}. Counted per node: with several nodes this is the state the cluster seam
 * will share.
 */
@ApplicationScoped
public class Presence {
    /** In the order users came online, which is the order of {@code since}. */
    private final Map<Long, State> users = new LinkedHashMap<>();
    /** {@link #onlineJson}, kept until the next change: a connect storm asks for it once per socket. */
    private String onlineJson;

    @Inject
    Event<PresenceChanged> changed;

    @Inject
    @ConfigProperty(name = "parley.presence.grace")
    Duration grace;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private static final class State {
        final OnlineUser user;
        final String json; // encoded once, when the user comes online
        int sockets;
        ScheduledFuture<?> goingOffline;

        State(OnlineUser user) {
            this.user = user;
            this.json = Json.JSONB.toJson(user);
        }
    }

    /** Events are fired outside the lock: their observers broadcast, which takes the adapter's lock. */
    public void connected(long userId, String username, String displayName) {
        PresenceChanged cameOnline = null;
        synchronized (this) {
            State state = users.get(userId);
            if (state == null) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                state = new State(new OnlineUser(username, displayName, now));
                users.put(userId, state);
                onlineJson = null;
                cameOnline = new PresenceChanged(username, true, now);
            } else if (state.goingOffline != null) {
                state.goingOffline.cancel(false); // back within the grace period: no flicker
                state.goingOffline = null;
            }
            state.sockets++;
        }
        if (cameOnline != null) changed.fire(cameOnline);
    }

    public synchronized void disconnected(long userId) {
        State state = users.get(userId);
        if (state == null || --state.sockets > 0) return;
        state.goingOffline = scheduler.schedule(() -> wentOffline(userId, state), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized List<OnlineUser> online() {
        return users.values().stream().map(s -> s.user).sorted(Comparator.comparing(OnlineUser::since)).toList();
    }

    /**
     * {@link #online()} as a JSON array, encoded once per change of who is online rather than once per
     * socket told {@code ready}: joining the users' encodings costs no more than the bytes sent.
     */
    public synchronized String onlineJson() {
        if (onlineJson == null) {
            StringBuilder json = new StringBuilder(users.size() * 96 + 2).append('[');
            for (State state : users.values()) {
                if (json.length() > 1) json.append(',');
                json.append(state.json);
            }
            onlineJson = json.append(']').toString();
        }
        return onlineJson;
    }

    private void wentOffline(long userId, State state) {
        synchronized (this) {
            if (users.get(userId) != state || state.sockets > 0) return;
            users.remove(userId);
            onlineJson = null;
        }
        changed.fire(new PresenceChanged(state.user.username(), false, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
}
