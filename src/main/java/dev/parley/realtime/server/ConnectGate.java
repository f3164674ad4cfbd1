package dev.parley.realtime.server;

import dev.parley.realtime.engine.ConnectPacket;
import dev.parley.http.JsonNesting;
import dev.parley.errors.Unauthorized;
import dev.parley.presence.control.OnlineDirectory;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.control.Tokens;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.json.JSONObject;

/**
 * Connect-time authentication, which socket.io-server 4.1.2 lacks: it acknowledges a CONNECT packet
 * before any handler could refuse it, so a refusal would show the client {@code connect} then
 * {@code disconnect}. Here the CONNECT packet is checked before the library sees it, and a missing,
 * invalid, expired or ended token gets a real {@code connect_error} {@code unauthorized}.
 *
 * <p>How: the library's client object is created as usual, but its {@code data} listener is taken
 * off the connection and fed only through this gate. Remove this class when the library gains
 * connection middleware.
 */
@ApplicationScoped
public class ConnectGate {
    private static final Logger LOG = Logger.getLogger(ConnectGate.class.getName());
    private static final String UNAUTHORIZED = ConnectPacket.error(ConnectPacket.MAIN, "unauthorized");
    private static final String RATE_LIMITED = ConnectPacket.error(ConnectPacket.MAIN, "rate_limited");
    private static final String CONNECT = "0";

    @Inject
    Tokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    @ConfigProperty(name = "parley.socket.max-per-user")
    int maxPerUser;

    /** How long a connection may stay open without a socket (socket.io-server's {@code connectTimeout}). */
    @Inject
    @ConfigProperty(name = "parley.socket.connect-timeout-ms")
    long connectTimeout;

    @Inject
    Connections connections;

    /**
     * Where the sockets per user are counted, on every node of the cluster: reserved at admission so
     * that a burst cannot overshoot, given back when the connection closes.
     */
    @Inject
    OnlineDirectory directory;

    /** Identities of connections let through, by Engine.IO id, until the connection closes. */
    private final Map<String, SocketCaller> admitted = new ConcurrentHashMap<>();

    /** {@code timer}: where a refused connection's close waits (the transports' scheduler). */
    void guard(EngineIoSocket connection, EngineIoServer socketIo, ScheduledExecutorService timer) {
        if (connection.getProtocolVersion() != 4) { // v3 clients connect without a CONNECT packet: no token
            connection.close();
            return;
        }
        Set<Emitter.Listener> before = new HashSet<>(connection.listeners("data"));
        socketIo.emit("connection", connection); // the library attaches its client to the connection
        Emitter.Listener library = connection.listeners("data").stream()
                .filter(l -> !before.contains(l)).findFirst().orElseThrow();
        connection.off("data", library);
        connection.on("data", args -> {
            if (args.length > 0 && args[0] instanceof String packet && JsonNesting.tooDeep(packet)) {
                connection.close(); // as the library closes on a packet it cannot parse
            } else if (admitted.containsKey(connection.getId())) {
                library.call(args);
            } else if (args.length > 0 && args[0] instanceof String packet && packet.startsWith("0")) {
                admit(connection, packet, library, timer);
            } // anything before CONNECT is for no namespace: the library would drop it too
        });
        ScheduledFuture<?> timeout = timer.schedule(() -> closeIfNoSocket(connection), connectTimeout, TimeUnit.MILLISECONDS);
        connection.once("close", args -> {
            timeout.cancel(false);
            SocketCaller gone = admitted.remove(connection.getId());
            if (gone != null) release(gone.userId());
        });
    }

    /**
     * socket.io-server 4.1.2's connect timeout, done here: a connection with no socket (it never sent
     * CONNECT, or it disconnected its socket and kept the connection) is closed. The library's own
     * ({@code SocketIoClient.setup}) closes it and then takes every {@code close} listener off the
     * connection ({@code SocketIoClient.destroy}) while a WebSocket's or an unpolled long-poll's close
     * completes later: the engines' tables of connections, the WebSocket bridge's and this gate's (the
     * user's place under the socket cap) would never hear of it and keep it for good. {@code SocketServer}
     * keeps the library's timer from running; closed here, every listener hears the close. Remove
     * (both) when the library takes off only its own listeners.
     */
    private void closeIfNoSocket(EngineIoSocket connection) {
        SocketCaller who = admitted.get(connection.getId());
        if (who == null || !connections.hasSocketOn(who.userId(), connection)) connection.close();
    }

    /** The identity a connection was let through with, for the namespace's connection handler. */
    public SocketCaller identityOf(String connectionId) {
        return admitted.get(connectionId);
    }

    private void admit(EngineIoSocket connection, String connectPacket, Emitter.Listener library, ScheduledExecutorService timer) {
        ConnectPacket connect = ConnectPacket.parse(connectPacket);
        if (!ConnectPacket.MAIN.equals(connect.namespace())) {
            // As the library answers once it has the connection: the namespace does not exist, and the
            // connection stays open for the client's other namespaces.
            Packet<String> invalid = new Packet<>(Packet.MESSAGE);
            invalid.data = ConnectPacket.error(connect.namespace(), "Invalid namespace");
            connection.send(invalid);
            return;
        }
        try {
            SocketCaller identity = authenticate(connect, connection.getInitialHeaders());
            if (!reserve(identity.userId())) {
                refuse(connection, RATE_LIMITED, timer);
                return;
            }
            admitted.put(connection.getId(), identity);
            if (connection.getReadyState() == ReadyState.CLOSED && admitted.remove(connection.getId()) != null) {
                release(identity.userId()); // closed while being checked: its close listener has run already
            }
            // The library keeps the CONNECT packet's data (the auth token, 0.9 KB per idle socket) for
            // getConnectData(), which nothing here reads: it gets a CONNECT to "/" without data.
            library.call(CONNECT);
        } catch (Unauthorized refused) {
            refuse(connection, UNAUTHORIZED, timer);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Socket.IO connect failed", e);
            refuse(connection, UNAUTHORIZED, timer);
        }
    }

    private boolean reserve(long userId) {
        return directory.admit(userId, maxPerUser);
    }

    private void release(long userId) {
        directory.release(userId);
    }

    private SocketCaller authenticate(ConnectPacket connect, Map<String, List<String>> headers) {
        String token = tokenFrom(connect.auth(), headers);
        Tokens.Claims claims = tokens.verify(token);
        boolean accessToken = sessions.requireLive(claims.sessionId(), token).isToken();
        return new SocketCaller(claims.userId(), claims.username(), claims.sessionId(), accessToken);
    }

    /** {@code auth.token} of the CONNECT packet, else {@code Authorization: Bearer} of the handshake. */
    static String tokenFrom(String connectJson, Map<String, List<String>> headers) {
        if (!connectJson.isBlank()) {
            try {
                Object token = new JSONObject(connectJson).opt("token");
                if (token instanceof String s) return s;
            } catch (RuntimeException malformed) {
                return null;
            }
        }
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if ("authorization".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                    String value = header.getValue().get(0);
                    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) return value.substring(7).strip();
                }
            }
        }
        return null;
    }

    /**
     * {@code connect_error}, then the connection is closed a little later: a client closes it itself
     * on {@code connect_error}, and closing at once could overtake the error while a long-polling
     * client is upgrading to WebSocket.
     */
    private static void refuse(EngineIoSocket connection, String why, ScheduledExecutorService timer) {
        Packet<String> error = new Packet<>(Packet.MESSAGE);
        error.data = why;
        connection.send(error);
        timer.schedule(connection::close, 2, TimeUnit.SECONDS);
    }
}
