package dev.parley.realtime.server;

import dev.parley.realtime.engine.BridgedWebSocket;
import dev.parley.realtime.engine.ClientCloses;
import dev.parley.realtime.engine.FanOut;
import dev.parley.realtime.engine.Flusher;
import dev.parley.realtime.engine.SocketOutput;
import dev.parley.realtime.engine.WebSockets;
import dev.parley.operations.Meters;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Socket.IO server: Engine.IO transports served by {@code EngineServlet} and the WebSocket
 * bridge, Socket.IO on top, one namespace {@code /}.
 *
 * <p>Socket.IO is attached to an inner Engine.IO server that serves no HTTP: the outer one hands
 * each new connection to {@link ConnectGate} first, which lets it through to Socket.IO only with a
 * valid token. The library has no connection middleware of its own.
 */
@ApplicationScoped
public class SocketServer {
    @Inject
    ConnectGate gate;

    @Inject
    @ConfigProperty(name = "parley.ping-interval-ms")
    long pingInterval;

    @Inject
    @ConfigProperty(name = "parley.ping-timeout-ms")
    long pingTimeout;

    @Inject
    @ConfigProperty(name = "parley.max-payload")
    int maxPayload;

    @Inject
    @ConfigProperty(name = "parley.socket.flush-delay-us")
    long flushDelayMicros;

    @Inject
    @ConfigProperty(name = "parley.socket.send-queue-limit")
    int sendQueueLimit;

    /** {@code queued} (the default) or {@code blocking}, the stock bridge's way, kept only to measure against. */
    @Inject
    @ConfigProperty(name = "parley.socket.send-mode")
    String sendMode;

    @Inject
    Meters metrics;

    private Meters.Counter slowClients;

    /**
     * How long a polling GET waits for an upgrade under way ({@link WebSockets#awaitUpgrade}): for the
     * probe, longer than a WebSocket takes to open on a cold server; after it, the reference server's 100 ms.
     */
    private static final Duration UPGRADE_WAIT = Duration.ofMillis(500);
    private static final Duration UPGRADE_WAIT_AFTER_PROBE = Duration.ofMillis(100);

    private static final ThreadLocal<BridgedWebSocket> OPENING = new ThreadLocal<>();

    private final WebSockets webSockets = new WebSockets();
    private final ClientCloses clientCloses = new ClientCloses();
    /** Engine.IO connections not yet closed, by sid (see {@link #isOpen}). */
    private final Map<String, EngineIoSocket> open = new ConcurrentHashMap<>();
    private static final AtomicLong TIMER_THREADS = new AtomicLong();
    private ScheduledThreadPoolExecutor timers;
    private Flusher flusher;
    private EngineIoServer transports;
    private EngineIoServer inner;
    private SocketIoNamespace namespace;

    @PostConstruct
    void start() {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setPingInterval(pingInterval);
        options.setPingTimeout(pingTimeout);
        options.setCorsHandlingDisabled(true); // OriginFilter does it, for allowed origins only
        options.setAllowSyncPolling(true);     // the polling handshake is answered synchronously (EngineServlet)
        // engine.io-server 6.3.2 cancels and reschedules each connection's ping timeout on every packet;
        // its own pool keeps cancelled tasks queued until they are due (45 s), two more per idle socket.
        timers = new ScheduledThreadPoolExecutor(options.getMaxTimeoutThreadPoolSize(), runnable -> {
            Thread thread = new Thread(runnable, "engineIo-timer-" + TIMER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        options.setScheduledExecutorService(timers);
        transports = new EngineIoServer(options);

        EngineIoServerOptions innerOptions = EngineIoServerOptions.newFromDefault();
        innerOptions.setScheduledExecutorService(runsNothing());
        inner = new EngineIoServer(innerOptions);
        SocketIoServerOptions socketIoOptions = SocketIoServerOptions.newFromDefault();
        flusher = new Flusher(Executors.defaultThreadFactory(), flushDelayMicros);
        socketIoOptions.setAdapterFactory(FanOut.factory(webSockets, flusher));
        SocketIoServer socketIo = new SocketIoServer(inner, socketIoOptions);
        namespace = socketIo.namespace("/");

        slowClients = metrics.counter("parley_slow_client_disconnects", "WebSockets cut off because their send queue was full");
        metrics.gauge("parley_websocket_writes", "Writes to WebSockets; each carries one or more frames", flusher::writes);
        metrics.gauge("parley_websocket_frames", "Frames written to WebSockets", flusher::frames);
        metrics.gauge("parley_engine_connections", "Engine.IO connections open on this node, with or without a socket", open::size);
        metrics.gauge("parley_room_sockets", "Sockets in one or more rooms on this node (all connected ones are in feed)",
                () -> fanOut().socketsInRooms());

        transports.on("connection", args -> {
            EngineIoSocket connection = (EngineIoSocket) args[0];
            open.put(connection.getId(), connection);
            connection.once("close", closed -> open.remove(connection.getId()));
            BridgedWebSocket opening = OPENING.get(); // set while this thread hands a new WebSocket to the engine
            if (opening != null) webSockets.opened(connection, opening);
            else webSockets.follow(connection);
            gate.guard(connection, inner, transports.getScheduledExecutor());
        });
    }

    /**
     * The inner engine's scheduler, which serves only socket.io-server 4.1.2's connect timeout
     * ({@code SocketIoClient.setup}): it runs nothing, since the library's close on that timeout is never
     * heard by the tables of connections; {@link ConnectGate} applies the timeout instead. (Shut down, it
     * discards what it is given at once, so nothing waits in it either.)
     */
    private static ScheduledExecutorService runsNothing() {
        ScheduledThreadPoolExecutor none = new ScheduledThreadPoolExecutor(0, new ThreadPoolExecutor.DiscardPolicy());
        none.shutdown();
        return none;
    }

    @PreDestroy
    void stop() {
        transports.shutdown();
        timers.shutdownNow();
        flusher.stop();
    }

    /** A WebSocket session as an Engine.IO transport: a new connection, or an upgrade of a long-polling one. */
    public BridgedWebSocket openWebSocket(Session session, SocketOutput output, Map<String, String> query,
                                          Map<String, List<String>> headers) {
        BridgedWebSocket socket = new BridgedWebSocket(session, output, query, headers, sendQueueLimit, maxPayload,
                "blocking".equals(sendMode), flusher, slow -> slowClients.inc());
        String upgrading = query.get("sid");
        if (upgrading != null) webSockets.upgrading(upgrading, socket);
        OPENING.set(socket);
        try {
            transports.handleWebSocket(socket);
        } finally {
            OPENING.remove();
        }
        return socket;
    }

    /** The adapter: rooms and broadcasts. */
    FanOut fanOut() {
        return (FanOut) namespace.getAdapter();
    }

    /** This node's sockets in a socket room ({@link SocketRooms}). */
    public SocketIoSocket[] socketsIn(String room) {
        return fanOut().listClients(room);
    }

    public EngineIoServer transports() {
        return transports;
    }

    public SocketIoNamespace namespace() {
        return namespace;
    }

    /**
     * Whether the Engine.IO connection {@code sid} is still open. engine.io-server 6.3.2 lets a
     * long-poll GET that found its connection just before the client's close packet was applied
     * register on the closed transport afterwards, where nothing answers it until its 3-minute async
     * timeout; {@code EngineServlet} asks this to answer such a GET at once.
     */
    public boolean isOpen(String sid) {
        return sid != null && open.containsKey(sid);
    }

    /** A polling GET of {@code sid} waits here, briefly, while that connection moves to a WebSocket. */
    public void awaitUpgrade(String sid) {
        webSockets.awaitUpgrade(sid, UPGRADE_WAIT, UPGRADE_WAIT_AFTER_PROBE);
    }

    void upgradeRequested(String sid) {
        webSockets.upgradeRequested(sid);
    }

    void upgradeRefused(String sid) {
        webSockets.upgradeRefused(sid);
    }

    ClientCloses clientCloses() {
        return clientCloses;
    }

    public int maxPayload() {
        return maxPayload;
    }
}
