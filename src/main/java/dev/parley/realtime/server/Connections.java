package dev.parley.realtime.server;

import dev.parley.realtime.engine.InOrder;
import dev.parley.operations.Meters;
import dev.parley.limits.control.RateBucket;
import dev.parley.limits.control.SocketEventBudget;
import dev.parley.sessions.control.ConnectedSessions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sockets connected to this node, by session and by user, with what each is showing (its focus). */
@ApplicationScoped
public class Connections implements ConnectedSessions {
    private final Map<SocketIoSocket, Attached> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<SocketIoSocket>> bySession = new ConcurrentHashMap<>();
    private final Map<Long, Set<SocketIoSocket>> byUser = new ConcurrentHashMap<>();
    /** Room moves made here per user, striped: users sharing a stripe cost each other at most a read of their rooms. */
    private final AtomicLongArray roomMoves = new AtomicLongArray(1024);

    @Inject
    Meters metrics;

    @Inject
    SocketEventBudget budget;

    /** A connected socket's state: who it is, its event budget, and the conversation it shows. */
    static final class Attached {
        final SocketCaller identity;
        final RateBucket events;
        final InOrder work;
        volatile String focus;

        Attached(SocketCaller identity, RateBucket events, InOrder work) {
            this.identity = identity;
            this.events = events;
            this.work = work;
        }
    }

    /**
     * Threads for socket events: a plain pool on managed threads, whose context is set up once per
     * thread, since a managed executor captures the submitter's context for every task (costly on Payara).
     */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "parley.socket.handler-threads")
    int handlerThreads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(handlerThreads, handlerThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        metrics.gauge("parley_connected_sockets", "Sockets connected to this node", sockets::size);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    public void add(SocketIoSocket socket, SocketCaller identity) {
        sockets.put(socket, new Attached(identity, budget.forNewSocket(), new InOrder(pool)));
        bySession.computeIfAbsent(identity.sessionId(), k -> ConcurrentHashMap.newKeySet(2)).add(socket);
        byUser.computeIfAbsent(identity.userId(), k -> ConcurrentHashMap.newKeySet(2)).add(socket);
    }

    /** Forgets the socket; true if it was known here. */
    public boolean remove(SocketIoSocket socket) {
        Attached attached = sockets.remove(socket);
        if (attached == null) return false;
        removeFrom(bySession, attached.identity.sessionId(), socket);
        removeFrom(byUser, attached.identity.userId(), socket);
        return true;
    }

    /**
     * Moves every socket of the user into or out of a room, after counting the move: a connecting
     * socket reads {@link #roomMovesOf} before it reads its user's rooms and again once it has joined
     * them, and reads the rooms again when the count changed (see {@code SocketEvents.arrived}).
     */
    public void moveRooms(long userId, Consumer<SocketIoSocket> move) {
        roomMoves.incrementAndGet(stripe(userId));
        ofUser(userId).forEach(move);
    }

    /** How many times the user's sockets were moved between rooms (or another user's of the same stripe). */
    public long roomMovesOf(long userId) {
        return roomMoves.get(stripe(userId));
    }

    private int stripe(long userId) {
        return Long.hashCode(userId) & (roomMoves.length() - 1);
    }

    public SocketCaller identityOf(SocketIoSocket socket) {
        Attached attached = sockets.get(socket);
        return attached == null ? null : attached.identity;
    }

    /** Runs the socket's work in order, off the transport's thread (see {@link InOrder}). */
    public void inOrder(SocketIoSocket socket, Runnable task) {
        Attached attached = sockets.get(socket);
        if (attached != null) attached.work.run(task);
    }

    /** Whether the socket may handle one more event now. */
    boolean takeEvent(SocketIoSocket socket) {
        Attached attached = sockets.get(socket);
        return attached != null && attached.events.take();
    }

    public void focus(SocketIoSocket socket, String conversation) {
        Attached attached = sockets.get(socket);
        if (attached != null) attached.focus = conversation;
    }

    public String focusOf(SocketIoSocket socket) {
        Attached attached = sockets.get(socket);
        return attached == null ? null : attached.focus;
    }

    public List<SocketIoSocket> ofSession(String sessionId) {
        return List.copyOf(bySession.getOrDefault(sessionId, Set.of()));
    }

    public List<SocketIoSocket> ofUser(long userId) {
        return List.copyOf(byUser.getOrDefault(userId, Set.of()));
    }

    /** Whether one of the user's sockets here is connected over {@code connection}. */
    boolean hasSocketOn(long userId, EngineIoSocket connection) {
        return byUser.getOrDefault(userId, Set.of()).stream()
                .anyMatch(socket -> socket.isConnected() && socket.getClient().getConnection() == connection);
    }

    public int countOf(String sessionId) {
        return bySession.getOrDefault(sessionId, Set.of()).size();
    }

    @Override
    public Collection<String> sessionIds() {
        return bySession.keySet();
    }

    @Override
    public int socketsOf(String sessionId) {
        return countOf(sessionId);
    }

    private static <K> void removeFrom(Map<K, Set<SocketIoSocket>> index, K key, SocketIoSocket socket) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }
}
