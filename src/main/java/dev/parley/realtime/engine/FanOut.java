package dev.parley.realtime.engine;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The Socket.IO adapter: which sockets are in which room, and broadcasts. Replaces the library's
 * {@code SocketIoMemoryAdapter}, which encodes and writes the packet once per recipient while holding
 * a lock on the whole namespace. Here a broadcast is encoded once ({@link Encodings}) and the same
 * frame is queued on every recipient without a shared lock; queuing never blocks (see
 * {@link BridgedWebSocket}).
 *
 * <p>A broadcast walks a room's members as a plain array, each member holding its WebSocket once it
 * has one: walking hash sets and looking each WebSocket up by id cost as much as queuing the frame.
 * A room's array is copied when someone joins or leaves, far
 * rarer than a message.
 *
 * <p>{@link #deliverLocally} is the node-local half of a broadcast: what other nodes committed arrives
 * as their events, fired here by the cluster relay, and is delivered the same way.
 */
public final class FanOut extends SocketIoAdapter {
    private static final Recipient[] NONE = {};

    private final Map<String, Recipient[]> members = new ConcurrentHashMap<>();
    private final Map<String, Recipient> recipients = new ConcurrentHashMap<>(); // by socket id, while in any room
    private final WebSockets webSockets;
    private final Flusher flusher;

    private FanOut(SocketIoNamespace namespace, WebSockets webSockets, Flusher flusher) {
        super(namespace);
        this.webSockets = webSockets;
        this.flusher = flusher;
    }

    public static AdapterFactory factory(WebSockets webSockets, Flusher flusher) {
        return namespace -> new FanOut(namespace, webSockets, flusher);
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
        return deliverLocally(Encodings.of(packet), rooms, socketsExcluded);
    }

    /** Queues an encoded broadcast on this node's sockets in the rooms. */
    int deliverLocally(Encodings encodings, String[] rooms, String[] socketsExcluded) {
        Recipient[] excluded = excluded(socketsExcluded);
        int sent = 0;
        List<BridgedWebSocket> due = new ArrayList<>();
        Iterable<Recipient> all = rooms == null ? recipients.values() : Arrays.asList(recipients(rooms));
        for (Recipient recipient : all) {
            if (!isIn(recipient, excluded) && recipient.send(encodings, webSockets, due)) sent++;
        }
        flusher.schedule(due);
        return sent;
    }

    private Recipient[] excluded(String[] socketIds) {
        if (socketIds == null || socketIds.length == 0) return NONE;
        Recipient[] excluded = new Recipient[socketIds.length];
        for (int i = 0; i < socketIds.length; i++) excluded[i] = recipients.get(socketIds[i]);
        return excluded;
    }

    private static boolean isIn(Recipient recipient, Recipient[] excluded) {
        for (Recipient e : excluded) {
            if (e == recipient) return true;
        }
        return false;
    }

    private Recipient[] recipients(String[] rooms) {
        if (rooms.length == 1) return members.getOrDefault(rooms[0], NONE);
        Set<Recipient> union = Collections.newSetFromMap(new IdentityHashMap<>()); // in several of the rooms: once
        for (String room : rooms) union.addAll(Arrays.asList(members.getOrDefault(room, NONE)));
        return union.toArray(NONE);
    }

    @Override
    public void add(String room, SocketIoSocket socket) {
        if (room == null || socket == null) throw new IllegalArgumentException("room and socket are required.");
        Recipient recipient = recipients.computeIfAbsent(socket.getId(), id -> new Recipient(socket));
        synchronized (recipient) {
            if (!recipient.rooms.add(room)) return;
        }
        members.compute(room, (r, sockets) -> {
            if (sockets == null) return new Recipient[] {recipient};
            Recipient[] more = Arrays.copyOf(sockets, sockets.length + 1);
            more[sockets.length] = recipient;
            return more;
        });
        // A socket the library has closed meanwhile has left its rooms already, and for good: its close
        // marks it disconnected, then leaves them under the socket's lock, which a join (this) holds too.
        // Joined after that (a connect's welcome putting a dropped socket in its rooms), it would stay
        // here, its connection and buffers with it, forever (bench/soak.sh; realtime/DroppedSocketsIT).
        if (!socket.isConnected()) remove(room, socket);
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        if (room == null || socket == null) throw new IllegalArgumentException("room and socket are required.");
        Recipient recipient = recipients.get(socket.getId());
        if (recipient == null) return;
        synchronized (recipient) {
            if (!recipient.rooms.remove(room)) return;
            if (recipient.rooms.isEmpty()) recipients.remove(socket.getId(), recipient);
        }
        members.computeIfPresent(room, (r, sockets) -> {
            if (sockets.length == 1 && sockets[0] == recipient) return null;
            List<Recipient> rest = new ArrayList<>(Arrays.asList(sockets));
            rest.remove(recipient);
            return rest.toArray(NONE);
        });
    }

    /** Sockets in one or more rooms on this node: every connected socket is in {@code feed}, a closed one in none. */
    public int socketsInRooms() {
        return recipients.size();
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        if (room == null) throw new IllegalArgumentException("room must not be null.");
        return Arrays.stream(members.getOrDefault(room, NONE)).map(r -> r.socket).toArray(SocketIoSocket[]::new);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        if (socket == null) throw new IllegalArgumentException("socket must not be null.");
        Recipient recipient = recipients.get(socket.getId());
        if (recipient == null) return new String[0];
        synchronized (recipient) {
            return recipient.rooms.toArray(new String[0]);
        }
    }

    /** A socket in one or more rooms, with its WebSocket once it is on one. */
    private static final class Recipient {
        final SocketIoSocket socket;
        final Set<String> rooms = new java.util.HashSet<>(4); // guarded by this; a socket is in a few rooms
        private volatile BridgedWebSocket webSocket; // a connection that is on a WebSocket stays on it

        Recipient(SocketIoSocket socket) {
            this.socket = socket;
        }

        /** Queues the broadcast; adds the WebSocket to {@code due} when it is to be handed to the flusher. */
        boolean send(Encodings encodings, WebSockets webSockets, List<BridgedWebSocket> due) {
            if (!socket.isConnected()) return false;
            BridgedWebSocket ws = webSocket;
            if (ws == null) {
                EngineIoSocket connection = socket.getClient().getConnection();
                if (connection.getReadyState() != ReadyState.OPEN) return false;
                ws = webSockets.of(connection);
                if (ws == null) { // long-polling, or upgrading: the engine's way
                    for (var packet : encodings.packets()) connection.send(packet);
                    return true;
                }
                webSocket = ws;
            }
            boolean schedule = false;
            for (Frame frame : encodings.frames()) schedule |= ws.queue(frame);
            if (schedule) due.add(ws);
            return true;
        }
    }

    /** A Socket.IO packet encoded once: Engine.IO packets for long-polling, WebSocket frames for the rest. */
    record Encodings(List<io.socket.engineio.server.parser.Packet<Object>> packets, List<Frame> frames) {
        static Encodings of(Packet<?> packet) {
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
            return new Encodings(packets, frames);
        }
    }

    /**
     * An event packet built once, for {@link #deliver}: socket.io-server builds these only in
     * package-private code ({@code PacketUtils}).
     */
    public static Packet<JSONArray> event(String name, Object payload) {
        return new Packet<>(Parser.EVENT, new JSONArray().put(name).put(payload));
    }

    /**
     * An event to one socket whose payload is already JSON text, sent as is: {@code SocketIoSocket.send}
     * wants org.json objects, which a large payload kept encoded (the online list of {@code ready})
     * would be parsed into and written out again for every socket. False if it is no longer connected.
     */
    public static boolean sendEncoded(SocketIoSocket socket, String event, String payloadJson) {
        EngineIoSocket connection = socket.getClient().getConnection();
        if (!socket.isConnected() || connection.getReadyState() != ReadyState.OPEN) return false;
        var message = new io.socket.engineio.server.parser.Packet<Object>(io.socket.engineio.server.parser.Packet.MESSAGE);
        message.data = "2[" + JSONObject.quote(event) + "," + payloadJson + "]"; // Socket.IO EVENT, no namespace, no ack
        connection.send(message);
        return true;
    }
}
