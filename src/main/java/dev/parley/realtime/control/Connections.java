package dev.parley.realtime.control;

import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The sockets connected to this node, by session and by user. */
@ApplicationScoped
public class Connections {
    private final Map<SocketIoSocket, Identity> identities = new ConcurrentHashMap<>();
    private final Map<String, Set<SocketIoSocket>> bySession = new ConcurrentHashMap<>();
    private final Map<Long, Set<SocketIoSocket>> byUser = new ConcurrentHashMap<>();
    private final Map<Long, OnlineUser> online = new ConcurrentHashMap<>();

    /** A user with at least one socket on this node, since their first one connected. */
    public record OnlineUser(String username, String displayName, Instant since) {
    }

    @Inject
    MetricRegistry metrics;

    @PostConstruct
    void registerGauge() {
        metrics.gauge("parley_connected_sockets", identities, Map::size);
    }

    public void add(SocketIoSocket socket, Identity identity, String displayName) {
        online.putIfAbsent(identity.userId(), new OnlineUser(identity.username(), displayName,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        identities.put(socket, identity);
        bySession.computeIfAbsent(identity.sessionId(), k -> ConcurrentHashMap.newKeySet()).add(socket);
        byUser.computeIfAbsent(identity.userId(), k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    public void remove(SocketIoSocket socket) {
        Identity identity = identities.remove(socket);
        if (identity == null) return;
        removeFrom(bySession, identity.sessionId(), socket);
        removeFrom(byUser, identity.userId(), socket);
        if (!byUser.containsKey(identity.userId())) online.remove(identity.userId());
    }

    public List<OnlineUser> online() {
        return List.copyOf(online.values());
    }

    public Identity identityOf(SocketIoSocket socket) {
        return identities.get(socket);
    }

    public List<SocketIoSocket> ofSession(String sessionId) {
        return List.copyOf(bySession.getOrDefault(sessionId, Set.of()));
    }

    public int countOf(String sessionId) {
        return bySession.getOrDefault(sessionId, Set.of()).size();
    }

    public int total() {
        return identities.size();
    }

    private static <K> void removeFrom(Map<K, Set<SocketIoSocket>> index, K key, SocketIoSocket socket) {
        index.computeIfPresent(key, (k, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }
}
