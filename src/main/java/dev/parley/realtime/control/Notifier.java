package dev.parley.realtime.control;

import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.SocketCaller;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.realtime.server.SocketServer;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.messages.control.MessageChanged;
import dev.parley.messages.control.MessagePosted;
import dev.parley.messages.control.Notice;
import dev.parley.messages.control.Notifications;
import dev.parley.operations.Meters;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the {@code notification}s of committed posts and edits (who is told, and what, is
 * {@link Notifications}'), off the thread that committed them: that thread stores the next batch of
 * posts only once this one's observers are done, and computing notices there held it back.
 *
 * <p>One line per node, in commit order, emptied by one thread: each run of what waits is computed
 * together (one query for all its unread counts) and sent in order, so a user's notifications keep
 * the order of their messages. An event joins the line only after its message has been queued on
 * this node's sockets, and a socket sends in the order things were queued on it, so a notification
 * comes after the message it announces.
 *
 * <p>The line is bounded ({@code parley.notifications.queue-limit}). Full, it holds back the thread
 * that committed (and with it the next batch: posts slow to the pace notifications are sent, as before
 * this line existed) for up to {@code parley.notifications.queue-wait-ms}; only a line that did not move
 * for that long (the database is not answering) drops the event's notifications, counted in
 * {@code parley_notifications_dropped} and logged. Messages are never dropped here: they are committed
 * and delivered before they get here, and a client that missed a notification has the unread counts
 * in {@code ready} and {@code sync}.
 */
@ApplicationScoped
public class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    /** The most events computed together: their notices' unread counts are one query per 500. */
    static final int MAX_RUN = 1000;

    @Inject
    Notifications notifications;

    @Inject
    SocketServer server;

    @Inject
    SocketWriter writer;

    @Inject
    Connections connections;

    @Inject
    Meters metrics;

    @Inject
    @ConfigProperty(name = "parley.notifications.queue-limit")
    int limit;

    @Inject
    @ConfigProperty(name = "parley.notifications.queue-wait-ms")
    long waitMs;

    /** A plain thread over a managed one: its context is set up once, not captured per task (see Connections). */
    @Resource
    ManagedThreadFactory threads;

    private BlockingQueue<Object> line;
    private Thread sender;
    private volatile boolean running;
    private Meters.Counter dropped;

    /** Started at startup, so that its metrics are on /metrics from the start. */
    void eager(@Observes Startup started) {
    }

    @PostConstruct
    void start() {
        line = new ArrayBlockingQueue<>(limit);
        dropped = metrics.counter("parley_notifications_dropped", "Events whose notifications were dropped: the line stood full");
        metrics.gauge("parley_notifications_queued", "Committed posts and edits waiting for their notifications", line::size);
        running = true;
        sender = threads.newThread(this::send);
        sender.setName("parley-notifications");
        sender.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        sender.interrupt();
    }

    /** The notifications of a post whose message has been queued on this node's sockets. */
    public void after(MessagePosted posted) {
        join(posted);
    }

    /** The notifications of an edit whose {@code message_updated} has been queued on this node's sockets. */
    public void after(MessageChanged changed) {
        if (!changed.deleted() && !changed.newlyMentionedIds().isEmpty()) join(changed);
    }

    private void join(Object event) {
        if (line.offer(event)) return;
        try {
            if (line.offer(event, waitMs, TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropped.inc();
        LOG.warning(() -> "Notifications of a message dropped: " + limit + " events waited for theirs and none was sent in "
                + waitMs + " ms");
    }

    private void send() {
        List<Object> run = new ArrayList<>();
        while (running) {
            try {
                run.add(line.take());
            } catch (InterruptedException e) {
                return;
            }
            line.drainTo(run, MAX_RUN - 1);
            try {
                notifications.of(run, reachable).forEach(this::tell);
            } catch (RuntimeException | Error e) {
                // The class alone: no SQL or stack in a log line. The counts come again with ready and sync.
                LOG.log(Level.WARNING, "Notifications of {0} posts or edits not sent: {1}", new Object[] {run.size(), e.getClass().getName()});
            }
            run.clear();
        }
    }

    /** Each of the user's sockets but those showing the conversation the notice is about. */
    private void tell(Notice notice) {
        String focus = focus(notice.room(), notice.with());
        writer.notification(connections.ofUser(notice.userId()).stream()
                .filter(socket -> !focus.equals(connections.focusOf(socket))).toList(), notice);
    }

    private final Notifications.Reachable reachable = new Notifications.Reachable() {
        @Override
        public boolean test(long userId, String room, String with) {
            String focus = focus(room, with);
            return connections.ofUser(userId).stream().anyMatch(s -> !focus.equals(connections.focusOf(s)));
        }

        @Override
        public Set<Long> inRoom(String room) {
            String focus = SocketRooms.focusOnRoom(room);
            Set<Long> users = new HashSet<>();
            for (SocketIoSocket socket : server.socketsIn(SocketRooms.of(room))) {
                SocketCaller who = connections.identityOf(socket);
                if (who != null && !focus.equals(connections.focusOf(socket))) users.add(who.userId());
            }
            return users;
        }
    };

    private static String focus(String room, String with) {
        return room != null ? SocketRooms.focusOnRoom(room) : SocketRooms.focusOnConversation(with);
    }
}
