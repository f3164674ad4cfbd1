package dev.parley.realtime.engine;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which Engine.IO connections are on a {@link BridgedWebSocket} right now, so that a broadcast can
 * queue its encoded frame on the WebSocket directly instead of through engine.io-server, which would
 * encode it again for each connection. Connections still on long-polling (or upgrading) are absent
 * and get packets the engine's way.
 */
public final class WebSockets {
    private static final Packet<?> NOOP = new Packet<>(Packet.NOOP);

    private final Map<String, BridgedWebSocket> active = new ConcurrentHashMap<>();
    private final Map<String, Upgrade> upgrading = new ConcurrentHashMap<>();

    /**
     * A long-polling connection's move to a WebSocket: asked for (the upgrade request), then on its
     * WebSocket ({@code socket}, set at open); {@code over} completes when it moved, or cannot any more.
     */
    private static final class Upgrade {
        final CompletableFuture<Void> over = new CompletableFuture<>();
        volatile BridgedWebSocket socket;
    }

    BridgedWebSocket of(EngineIoSocket connection) {
        return active.get(connection.getId());
    }

    /** A connection that opened on this WebSocket. */
    public void opened(EngineIoSocket connection, BridgedWebSocket socket) {
        active.put(connection.getId(), socket);
        connection.once("close", args -> active.remove(connection.getId()));
    }

    /** A WebSocket upgrade request for {@code connectionId}, before the container answers it. */
    public void upgradeRequested(String connectionId) {
        upgrading.computeIfAbsent(connectionId, id -> new Upgrade());
    }

    /** That request did not become a WebSocket. */
    public void upgradeRefused(String connectionId) {
        Upgrade upgrade = upgrading.get(connectionId);
        if (upgrade != null && upgrade.socket == null) end(connectionId, upgrade);
    }

    /** A long-polling connection that may move to this WebSocket. */
    public void upgrading(String connectionId, BridgedWebSocket socket) {
        Upgrade upgrade = upgrading.compute(connectionId, (id, requested) -> {
            if (requested != null && requested.socket == null) return requested;
            if (requested != null) requested.over.complete(null);
            return new Upgrade();
        });
        upgrade.socket = socket;
        // A WebSocket that closes before the upgrade (an unknown sid, a failed probe) is no upgrade.
        socket.once("close", args -> end(connectionId, upgrade));
    }

    /**
     * Waits, at most {@code wait}, for an upgrade of {@code connectionId} under way to end. A polling
     * GET of a connection whose client has sent the upgrade packet on its WebSocket must get 400, as
     * the reference server answers it; engine.io-server 6.3.2 answers it a noop while the packet is
     * still on its way through the WebSocket's thread. A client polling during an upgrade that is not
     * finishing gets the engine's noop only this much later. Remove when the library orders the two.
     */
    public void awaitUpgrade(String connectionId, Duration wait) {
        Upgrade upgrade = upgrading.get(connectionId);
        if (upgrade == null) return;
        try {
            upgrade.over.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillUpgrading) {
            // the engine answers it as the upgrade stands
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void end(String connectionId, Upgrade upgrade) {
        upgrading.remove(connectionId, upgrade);
        upgrade.over.complete(null);
    }

    /** Follows a long-polling connection, for its upgrade and its end. */
    public void follow(EngineIoSocket connection) {
        connection.on("upgrade", args -> {
            Upgrade upgrade = upgrading.remove(connection.getId());
            if (upgrade == null) return;
            if (upgrade.socket != null) {
                // Flushes what the engine buffered during the upgrade before anything is queued directly,
                // so that nothing overtakes it: a no-op packet, which clients ignore.
                connection.send(NOOP);
                active.put(connection.getId(), upgrade.socket);
            }
            upgrade.over.complete(null);
        });
        connection.once("close", args -> {
            Upgrade upgrade = upgrading.remove(connection.getId());
            if (upgrade != null) upgrade.over.complete(null);
            active.remove(connection.getId());
        });
    }
}
