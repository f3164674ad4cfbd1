package dev.parley.presence.control;

import dev.parley.accounts.control.AccountRenamed;
import dev.parley.errors.InvalidPayload;
import dev.parley.platform.Json;
import dev.parley.presence.entity.OnlinePage;
import dev.parley.presence.entity.OnlineUser;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is online: a user is while any of their sockets is connected, and goes offline only after a
 * grace period with none, so that a reload does not flicker. Changes are announced as
 * {@link PresenceChanged}. Counted per node: with several nodes this is the state the cluster seam
 * will share.
 *
 * <p>Listed by username, case-insensitive (ties, names differing only in case, by exact name): the
 * order {@code GET /api/users/online} pages in, so that a client holding {@code ready.online} pages
 * on with {@code after} = its last username.
 */
@ApplicationScoped
public class Presence {
    public static final Comparator<String> BY_USERNAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    public static final int DEFAULT_PAGE = 200;
    public static final int MAX_PAGE = 500;

    private final Map<Long, State> users = new HashMap<>();
    private final NavigableMap<String, State> byUsername = new TreeMap<>(BY_USERNAME);
    /** {@link #forReady}'s list, kept until the next change: a connect storm asks for it once per socket. */
    private String readyJson;

    @Inject
    Event<PresenceChanged> changed;

    @Inject
    @ConfigProperty(name = "parley.presence.grace")
    Duration grace;

    @Inject
    @ConfigProperty(name = "parley.presence.ready-online-max")
    int readyMax;

    /**
     * The grace timers, one per user whose last socket closed: a managed scheduled executor captured
     * the caller's context for each (Payara scans the application's jars for it; seen in a profile of a
     * connect storm), so a plain one on a managed thread, whose context is set up once.
     */
    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor scheduler;

    @PostConstruct
    void start() {
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true); // most timers are cancelled: the user came back
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /**
     * The first users online as a JSON array (at most {@code parley.presence.ready-online-max}), how
     * many are online in all, and the moment both were true: a client applies only the presence
     * changes {@code at} or after it, the earlier ones being in the list already.
     */
    public record Listed(String json, int count, Instant asOf) {
    }

    private static final class State {
        OnlineUser user;
        String json; // encoded once, when the user comes online or is renamed
        int sockets;
        ScheduledFuture<?> goingOffline;

        State(OnlineUser user) {
            this.user = user;
            this.json = Json.JSONB.toJson(user);
        }
    }

    /** Events are fired outside the lock: their observers take locks of their own. */
    public void connected(long userId, String username, String displayName) {
        PresenceChanged cameOnline = null;
        synchronized (this) {
            State state = users.get(userId);
            if (state == null) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                state = new State(new OnlineUser(username, displayName, now));
                users.put(userId, state);
                byUsername.put(username, state);
                readyJson = null;
                cameOnline = new PresenceChanged(username, displayName, true, now);
            } else if (state.goingOffline != null) {
                state.goingOffline.cancel(false); // back within the grace period: no flicker
                state.goingOffline = null;
            }
            state.sockets++;
        }
        if (cameOnline != null) changed.fire(cameOnline);
    }

    /** An online user's new display name is listed and announced as a presence change (still online). */
    void renamed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountRenamed renamed) {
        PresenceChanged change;
        synchronized (this) {
            State state = users.get(renamed.userId());
            if (state == null) return;
            state.user = new OnlineUser(state.user.username(), renamed.displayName(), state.user.since());
            state.json = Json.JSONB.toJson(state.user);
            readyJson = null;
            change = new PresenceChanged(state.user.username(), renamed.displayName(), true,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
        changed.fire(change);
    }

    public synchronized void disconnected(long userId) {
        State state = users.get(userId);
        if (state == null || --state.sockets > 0) return;
        state.goingOffline = scheduler.schedule(() -> wentOffline(userId, state), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Up to {@code limit} users online after the username {@code after} (from the first when null). */
    public synchronized OnlinePage page(String after, int limit) {
        // Not tailMap().size(): a sub-map counts by walking every entry to its end.
        Iterator<State> from = (after == null ? byUsername : byUsername.tailMap(after, false)).values().iterator();
        List<OnlineUser> page = new ArrayList<>(Math.min(limit, byUsername.size()));
        while (page.size() < limit && from.hasNext()) page.add(from.next().user);
        return new OnlinePage(page, byUsername.size(), from.hasNext());
    }

    /** A page size asked for, if the contract allows it (1 to {@value #MAX_PAGE}). */
    public static int pageLimit(long limit) {
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidPayload("limit must be 1 to " + MAX_PAGE);
        return (int) limit;
    }

    /**
     * The list for {@code ready}, encoded once per change of who is online rather than once per
     * socket told: joining the users' encodings costs no more than the bytes sent.
     */
    public synchronized Listed forReady() {
        if (readyJson == null) {
            StringBuilder json = new StringBuilder(Math.min(readyMax, byUsername.size()) * 96 + 2).append('[');
            int shown = 0;
            for (State state : byUsername.values()) {
                if (shown == readyMax) break;
                if (shown++ > 0) json.append(',');
                json.append(state.json);
            }
            readyJson = json.append(']').toString();
        }
        return new Listed(readyJson, byUsername.size(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void wentOffline(long userId, State state) {
        Instant now;
        synchronized (this) { // the time under the lock, as for coming online: a Listed.asOf before it still lists the user
            if (users.get(userId) != state || state.sockets > 0) return;
            users.remove(userId);
            byUsername.remove(state.user.username());
            readyJson = null;
            now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        changed.fire(new PresenceChanged(state.user.username(), state.user.displayName(), false, now));
    }
}
