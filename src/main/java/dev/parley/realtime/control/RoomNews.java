package dev.parley.realtime.control;

import dev.parley.messages.control.NameChanged;
import dev.parley.realtime.server.Audience;
import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.SocketCaller;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.realtime.server.SocketServer;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.control.RoomUpdated;
import dev.parley.rooms.entity.RoomView;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What changed about rooms and people, to this node's sockets: {@code room_updated}, each user's
 * sockets given the room as that user sees it (role, unread, mentions), and {@code user_updated}.
 *
 * <p>A room's views are read after commit by each node for the members connected to it, in a few
 * queries however many they are ({@link RoomListings#asMembersSee}), off the thread that committed:
 * on one thread per node, so that the views of two changes in a row are read and sent in that order
 * and the later one is what a page keeps.
 */
@ApplicationScoped
public class RoomNews {
    private static final Logger LOG = Logger.getLogger(RoomNews.class.getName());

    @Inject
    SocketServer server;

    @Inject
    Connections connections;

    @Inject
    SocketWriter writer;

    @Inject
    RoomListings listings;

    /** A plain thread over a managed one: its context is set up once (see Connections). */
    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor line;

    @PostConstruct
    void start() {
        line = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        line.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        line.shutdown();
    }

    void updated(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomUpdated update) {
        line.execute(() -> {
            try {
                tell(update);
            } catch (RuntimeException e) {
                // The class alone: no SQL or stack in a log line. The page reads the room again with its next ready.
                LOG.log(Level.WARNING, "room_updated for {0} not sent: {1}", new Object[] {update.room(), e.getClass().getName()});
            }
        });
    }

    private void tell(RoomUpdated update) {
        Stream<SocketIoSocket> sockets = update.everyMember() ? Arrays.stream(server.socketsIn(SocketRooms.of(update.room())))
                : update.users().stream().flatMap(user -> connections.ofUser(user).stream());
        Map<Long, List<SocketIoSocket>> byUser = new HashMap<>();
        sockets.forEach(socket -> {
            SocketCaller who = connections.identityOf(socket);
            if (who != null) byUser.computeIfAbsent(who.userId(), k -> new ArrayList<>()).add(socket);
        });
        if (byUser.isEmpty()) return;
        Map<Long, RoomView> views = listings.asMembersSee(update.room(), byUser.keySet());
        views.forEach((user, room) -> writer.roomUpdated(byUser.get(user), room));
    }

    /** {@code user_updated} to the sockets in the rooms the user shares, and those of the people they talk with and their own. */
    void renamed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NameChanged change) {
        String[] rooms = Stream.concat(change.rooms().stream().map(SocketRooms::of),
                Stream.concat(change.people().stream(), Stream.of(change.userId())).map(SocketRooms::ofUser)).toArray(String[]::new);
        writer.userUpdated(change.username(), change.displayName(), new Audience(rooms, null));
    }
}
