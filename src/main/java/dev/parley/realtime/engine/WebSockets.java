package dev.parley.realtime.engine;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Engine.IO connections are on a {@link BridgedWebSocket} right now, so that a broadcast can
 * queue its encoded frame on the WebSocket directly instead of through engine.io-server, which would
 * encode it again for each connection. Connections still on long-polling (or upgrading) are absent
 * and get packets the engine's way.
 */
public final class WebSockets {
    private static final Packet<?> NOOP = new Packet<>(Packet.NOOP);

    private final Map<String, BridgedWebSocket> active = new ConcurrentHashMap<>();
    private final Map<String, BridgedWebSocket> upgrading = new ConcurrentHashMap<>();

    BridgedWebSocket of(EngineIoSocket connection) {
        return active.get(connection.getId());
    }

    /** A connection that opened on this WebSocket. */
    public void opened(EngineIoSocket connection, BridgedWebSocket socket) {
        active.put(connection.getId(), socket);
        connection.once("close", args -> active.remove(connection.getId()));
    }

    /** A long-polling connection that may move to this WebSocket. */
    public void upgrading(String connectionId, BridgedWebSocket socket) {
        upgrading.put(connectionId, socket);
    }

    /** Follows a long-polling connection, for its upgrade and its end. */
    public void follow(EngineIoSocket connection) {
        connection.on("upgrade", args -> {
            BridgedWebSocket socket = upgrading.remove(connection.getId());
            if (socket == null) return;
            // Flushes what the engine buffered during the upgrade before anything is queued directly,
            // so that nothing overtakes it: a no-op packet, which clients ignore.
            connection.send(NOOP);
            active.put(connection.getId(), socket);
        });
        connection.once("close", args -> {
            upgrading.remove(connection.getId());
            active.remove(connection.getId());
        });
    }
}
