package dev.parley.realtime.control;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Socket.IO adapter: which sockets are in which room, and broadcasts. Replaces the library's
 * {@code SocketIoMemoryAdapter}, which encodes and writes the packet once per recipient while holding
 * a lock on the whole namespace. Here a broadcast is encoded once ({@link Outgoing}) and the same
 * frame is queued on every recipient without a shared lock: rooms are concurrent sets, and queuing
 * never blocks (see {@link BridgedWebSocket}).
 *
 * <p>{@link #deliverLocally} is the node-local half of a broadcast, the seam where cluster fan-out
 * will hand over broadcasts from other nodes.
 */
public final class FanOut extends SocketIoAdapter {
    private final Map<String, Set<SocketIoSocket>> members = new ConcurrentHashMap<>();
    private final Map<SocketIoSocket, Set<String>> roomsOf = new ConcurrentHashMap<>();
    private final WebSockets webSockets;

    private FanOut(SocketIoNamespace namespace, WebSockets webSockets) {
        super(namespace);
        this.webSockets = webSockets;
    }

    static AdapterFactory factory(WebSockets webSockets) {
        return namespace -> new FanOut(namespace, webSockets);
    }

    @Override
    public void broadcast(Packet<?> packet, String[] rooms, String[] socketsExcluded) {
        deliver(packet, rooms, socketsExcluded);
    }

    /**
     * Sends the packet to every socket in any of the rooms (all sockets when {@code rooms} is null),
     * once each, except the excluded socket ids; returns how many sockets it was queued on.
     */
    public int deliver(Packet<?> packet, String[] rooms, String[] socketsExcluded) {
        if (packet == null) throw new IllegalArgumentException("packet must not be null.");
        packet.nsp = mNamespace.getName();
        return deliverLocally(Outgoing.encode(packet), rooms, socketsExcluded);
    }

    /** Queues an encoded broadcast on this node's sockets in the rooms. */
    int deliverLocally(Outgoing outgoing, String[] rooms, String[] socketsExcluded) {
        List<String> excluded = socketsExcluded == null ? List.of() : Arrays.asList(socketsExcluded);
        int sent = 0;
        for (SocketIoSocket socket : recipients(rooms)) {
            if (!excluded.contains(socket.getId()) && send(socket, outgoing)) sent++;
        }
        return sent;
    }

    private Collection<SocketIoSocket> recipients(String[] rooms) {
        if (rooms == null) return roomsOf.keySet();
        if (rooms.length == 1) return members.getOrDefault(rooms[0], Set.of());
        Set<SocketIoSocket> union = new HashSet<>(); // a socket in several of the rooms gets it once
        for (String room : rooms) union.addAll(members.getOrDefault(room, Set.of()));
        return union;
    }

    private boolean send(SocketIoSocket socket, Outgoing outgoing) {
        EngineIoSocket connection = socket.getClient().getConnection();
        if (!socket.isConnected() || connection.getReadyState() != ReadyState.OPEN) return false;
        BridgedWebSocket webSocket = webSockets.of(connection);
        if (webSocket != null) {
            for (Frame frame : outgoing.frames()) webSocket.send(frame);
        } else {
            for (var packet : outgoing.packets()) connection.send(packet);
        }
        return true;
    }

    @Override
    public void add(String room, SocketIoSocket socket) {
        if (room == null || socket == null) throw new IllegalArgumentException("room and socket are required.");
        roomsOf.computeIfAbsent(socket, s -> ConcurrentHashMap.newKeySet()).add(room);
        members.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        if (room == null || socket == null) throw new IllegalArgumentException("room and socket are required.");
        members.computeIfPresent(room, (r, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
        roomsOf.computeIfPresent(socket, (s, joined) -> {
            joined.remove(room);
            return joined.isEmpty() ? null : joined;
        });
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        if (room == null) throw new IllegalArgumentException("room must not be null.");
        return members.getOrDefault(room, Set.of()).toArray(new SocketIoSocket[0]);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        if (socket == null) throw new IllegalArgumentException("socket must not be null.");
        return roomsOf.getOrDefault(socket, Set.of()).toArray(new String[0]);
    }

    /** A Socket.IO packet encoded once: Engine.IO packets for long-polling, WebSocket frames for the rest. */
    record Outgoing(List<io.socket.engineio.server.parser.Packet<Object>> packets, List<Frame> frames) {
        static Outgoing encode(Packet<?> packet) {
            List<io.socket.engineio.server.parser.Packet<Object>> packets = new ArrayList<>(1);
            List<Frame> frames = new ArrayList<>(1);
            new IOParser.Encoder().encode(packet, encoded -> {
                for (Object item : encoded) {
                    var message = new io.socket.engineio.server.parser.Packet<>(io.socket.engineio.server.parser.Packet.MESSAGE);
                    message.data = item;
                    packets.add(message);
                    frames.add(item instanceof byte[] bytes ? Frame.binary(bytes) : Frame.text("4" + item));
                }
            });
            return new Outgoing(packets, frames);
        }
    }
}
