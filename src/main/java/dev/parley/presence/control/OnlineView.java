package dev.parley.presence.control;

import dev.parley.presence.entity.OnlinePage;
import dev.parley.presence.entity.OnlineSnapshot;
import dev.parley.presence.entity.OnlineUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * This node's list of who is online in the whole cluster, kept from the announcements (its own and
 * the other nodes'), for {@code ready} and {@code GET /api/users/online}. Each change applied is
 * stamped with this node's clock under the list's lock: a {@code ready} listed before it has an
 * earlier {@code serverTime}, so a client applies exactly the changes its list lacks, however late
 * an announcement from another node arrived.
 *
 * <p>Listed by username, case-insensitive (ties by exact name), the order pages go in. The latest
 * version of each user wins; a user gone offline is remembered for a minute (longer than any relay
 * delay), so that an older "online" arriving late does not bring them back.
 */
public final class OnlineView {
    private static final long FORGET_OFFLINE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int readyMax;
    private final Function<OnlineUser, String> toJson;
    private final Map<Long, State> users = new HashMap<>();
    static final Comparator<String> BY_USERNAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final NavigableMap<String, State> byUsername = new TreeMap<>(BY_USERNAME);
    /** Users gone offline: the version they went with and when (nanoTime), oldest first. */
    private final LinkedHashMap<Long, long[]> gone = new LinkedHashMap<>();
    /** The list for {@code ready}, kept until the next change: a connect storm asks for it once per socket. */
    private String readyJson;

    /** {@code toJson}: how a user is written in {@code ready.online} (the application's JSON-B). */
    public OnlineView(int readyMax, Function<OnlineUser, String> toJson) {
        this.readyMax = readyMax;
        this.toJson = toJson;
    }

    private static final class State {
        OnlineUser user;
        String json; // encoded once, when the user comes online or is renamed
        long version;

        State(OnlineUser user, String json, long version) {
            this.user = user;
            this.json = json;
            this.version = version;
        }
    }

    /** Applies an announcement: the change to tell this node's sockets, or null if it is old news. */
    public synchronized PresenceChanged apply(PresenceAnnounced news) {
        State state = users.get(news.userId());
        long[] offline = gone.get(news.userId());
        long known = state != null ? state.version : offline != null ? offline[0] : Long.MIN_VALUE;
        if (news.version() <= known) return null;
        if (news.online()) {
            if (state == null) {
                gone.remove(news.userId());
                OnlineUser user = new OnlineUser(news.username(), news.displayName(), news.bot(), news.since());
                state = new State(user, toJson.apply(user), news.version());
                users.put(news.userId(), state);
                byUsername.put(news.username(), state);
            } else {
                state.user = new OnlineUser(state.user.username(), news.displayName(), state.user.bot(), state.user.since());
                state.json = toJson.apply(state.user);
                state.version = news.version();
            }
        } else {
            if (state != null) {
                users.remove(news.userId());
                byUsername.remove(state.user.username());
            }
            forgetOldOffline();
            gone.remove(news.userId()); // re-inserted: oldest first
            gone.put(news.userId(), new long[]{news.version(), System.nanoTime()});
            if (state == null) return null; // was not listed here: nothing to tell
        }
        readyJson = null;
        return new PresenceChanged(news.username(), news.displayName(), news.bot(), news.online(), now());
    }

    /** Up to {@code limit} users online after the username {@code after} (from the first when null). */
    public synchronized OnlinePage page(String after, int limit) {
        // Not tailMap().size(): a sub-map counts by walking every entry to its end.
        Iterator<State> from = (after == null ? byUsername : byUsername.tailMap(after, false)).values().iterator();
        List<OnlineUser> page = new ArrayList<>(Math.min(limit, byUsername.size()));
        while (page.size() < limit && from.hasNext()) page.add(from.next().user);
        return new OnlinePage(page, byUsername.size(), from.hasNext());
    }

    /**
     * The list for {@code ready}, encoded once per change of who is online rather than once per
     * socket told: joining the users' encodings costs no more than the bytes sent.
     */
    public synchronized OnlineSnapshot forReady() {
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
        return new OnlineSnapshot(readyJson, byUsername.size(), now());
    }

    public synchronized boolean isOnline(String username) {
        return byUsername.containsKey(username);
    }

    private void forgetOldOffline() {
        long now = System.nanoTime();
        Iterator<long[]> oldest = gone.values().iterator();
        while (oldest.hasNext() && now - oldest.next()[1] > FORGET_OFFLINE_NANOS) oldest.remove();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
