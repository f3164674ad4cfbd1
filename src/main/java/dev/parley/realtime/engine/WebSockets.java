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
        /** The probe answered: the client sends the upgrade packet next, once its last poll is answered. */
        final CompletableFuture<Void> probed = new CompletableFuture<>();
        volatile BridgedWebSocket socket;

        void end() {
            probed.complete(null);
            over.complete(null);
        }
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
            if (requested != null) requested.end();
            return new Upgrade();
        });
        upgrade.socket = socket;
        // A WebSocket that closes before the upgrade (an unknown sid, a failed probe) is no upgrade.
        socket.once("close", args -> end(connectionId, upgrade));
    }

    /**
     * Waits for an upgrade of {@code connectionId} under way to end: at most {@code wait} for its probe,
     * then at most {@code afterProbe} for the upgrade packet. A polling GET of a connection whose client
     * has sent the upgrade packet on its WebSocket must get 400, as the reference server answers it;
     * engine.io-server 6.3.2 answers it a noop while the packet is still on its way through the
     * WebSocket's thread. A client that polls once more after the probe (its poll answered before the
     * probe's answer reached it) sends the upgrade packet only once that poll is answered: it waits
     * {@code afterProbe}, as long as the reference server's own check (100 ms). Remove when the library
     * orders the two.
     */
    public void awaitUpgrade(String connectionId, Duration wait, Duration afterProbe) {
        Upgrade upgrade = upgrading.get(connectionId);
        if (upgrade == null) return;
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            upgrade.probed.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            long left = Math.min(deadline - System.nanoTime(), afterProbe.toNanos());
            if (left > 0) upgrade.over.get(left, TimeUnit.NANOSECONDS);
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
        upgrade.end();
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
            upgrade.end();
        });
        connection.on("upgrading", args -> {
            Upgrade upgrade = upgrading.get(connection.getId());
            if (upgrade != null) upgrade.probed.complete(null);
        });
        connection.once("close", args -> {
            Upgrade upgrade = upgrading.remove(connection.getId());
            if (upgrade != null) upgrade.end();
            active.remove(connection.getId());
        });
    }
}
