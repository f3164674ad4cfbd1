package dev.parley.presence.control;

import dev.parley.accounts.control.AccountRenamed;
import dev.parley.http.Json;
import dev.parley.presence.entity.OnlinePage;
import dev.parley.presence.entity.OnlineTally;
import dev.parley.presence.entity.OnlineSnapshot;
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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is online: a user is while any of their sockets is connected on any node, and goes offline
 * only after a grace period with none, so that a reload does not flicker. This node's sockets are
 * counted in the {@link OnlineDirectory} (shared by the cluster's nodes when there are several);
 * the node whose change makes a user come or go announces it once, as {@link PresenceAnnounced},
 * which reaches every node (the cluster seam relays it); each node applies it to its
 * {@link OnlineView} and tells its own sockets, batched, as {@link PresenceChanged}.
 *
 * <p>Listed by username, case-insensitive (ties, names differing only in case, by exact name): the
 * order {@code GET /api/users/online} pages in, so that a client holding {@code ready.online} pages
 * on with {@code after} = its last username.
 */
@ApplicationScoped
public class Presence {
    public static final int DEFAULT_PAGE = 200;
    public static final int MAX_PAGE = 500;

    @Inject
    OnlineDirectory directory;

    @Inject
    Event<PresenceAnnounced> announced;

    @Inject
    Event<PresenceChanged> changed;

    @Inject
    @ConfigProperty(name = "parley.presence.grace")
    Duration grace;

    @Inject
    @ConfigProperty(name = "parley.presence.ready-online-max")
    int readyMax;

    /**
     * The grace timers: a managed scheduled executor captured the caller's context for each (Payara
     * scans the application's jars for it; seen in a profile of a connect storm), so a plain one on a
     * managed thread, whose context is set up once.
     */
    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor timers;
    private OnlineView view;
    private Liveness liveness;

    @PostConstruct
    void start() {
        timers = new ScheduledThreadPoolExecutor(1, threads);
        view = new OnlineView(readyMax, Json.JSONB::toJson);
        liveness = new Liveness(directory, grace, timers, announced::fire);
        directory.online().forEach(view::apply); // who was online before this node started
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    public void connected(long userId, String username, String displayName, boolean bot) {
        liveness.connected(userId, username, displayName, bot);
    }

    public void disconnected(long userId) {
        liveness.disconnected(userId);
    }

    /** An online user's new display name is listed and announced as a presence change (still online). */
    void renamed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountRenamed renamed) {
        liveness.renamed(renamed.userId(), renamed.displayName());
    }

    /** Every announcement, this node's and (relayed) the others': listed here, then told to this node's sockets. */
    void heard(@Observes PresenceAnnounced news) {
        PresenceChanged change = view.apply(news);
        if (change != null) changed.fire(change);
    }

    /** Up to {@code limit} users online after the username {@code after} (from the first when null). */
    public OnlinePage page(String after, int limit) {
        return view.page(after, limit);
    }

    /** How many users are online and sockets connected across the cluster, read from the directory (not this node's view). */
    public OnlineTally tally() {
        return directory.tally();
    }

    /** Whether the user of this username (as shown) is online anywhere in the cluster. */
    public boolean isOnline(String username) {
        return username != null && view.isOnline(username);
    }

    /** The list for {@code ready}, encoded once per change of who is online rather than once per socket told. */
    public OnlineSnapshot forReady() {
        return view.forReady();
    }
}
