package dev.parley.realtime.boundary;

import dev.parley.accounts.entity.User;
import dev.parley.errors.Unauthorized;
import dev.parley.presence.control.Presence;
import dev.parley.realtime.server.ConnectGate;
import dev.parley.realtime.server.Connections;
import dev.parley.realtime.control.SessionCutOff;
import dev.parley.realtime.server.SocketServer;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.SocketCaller;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.realtime.control.Welcome;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.control.Sessions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A socket's life on this node: admitted by the gate, put in its user's rooms, given its event
 * handlers (each a boundary calling the same control beans as REST), told {@code ready}; and
 * forgotten when it disconnects.
 */
@ApplicationScoped
public class SocketEvents {
    @Inject
    SocketServer server;

    @Inject
    ConnectGate gate;

    @Inject
    Connections connections;

    @Inject
    Sessions sessions;

    @Inject
    Welcome welcome;

    @Inject
    SocketWriter writer;

    @Inject
    SessionCutOff cutOff;

    @Inject
    Presence presence;

    @Inject
    Handlers handlers;

    @Inject
    ChatEvents chat;

    @Inject
    RoomEvents roomEvents;

    @Inject
    SessionEvents sessionEvents;

    @Inject
    MessageEvents messageEvents;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        chat.register();
        roomEvents.register();
        sessionEvents.register();
        messageEvents.register();
        server.namespace().on("connection", args -> connected((SocketIoSocket) args[0]));
    }

    /**
     * Runs under the namespace's lock (and, for long-polling, the connection's): only what must
     * happen before the client's next packet is done here; the rest runs in the socket's order.
     */
    private void connected(SocketIoSocket socket) {
        SocketCaller who = gate.identityOf(socket.getClient().getConnection().getId());
        if (who == null) {
            socket.disconnect(true);
            return;
        }
        connections.add(socket, who);
        handlers.attach(socket);
        connections.inOrder(socket, () -> welcome(socket, who));
        // socket.io-server 4.1.2 files a new socket with its client only after this event returns: a
        // transport that closes in between never disconnects the socket, which would then stay counted
        // and in its rooms for good (faults/MalformedFramesIT). The transport's own close is heard instead; queued after the welcome, so that
        // presence hears of the socket before it goes.
        EngineIoSocket transport = socket.getClient().getConnection();
        transport.once("close", args -> connections.inOrder(socket, () -> gone(socket, who)));
        if (transport.getReadyState() == ReadyState.CLOSED) connections.inOrder(socket, () -> gone(socket, who));
    }

    private void gone(SocketIoSocket socket, SocketCaller who) {
        if (connections.remove(socket)) presence.disconnected(who.userId());
    }

    private void welcome(SocketIoSocket socket, SocketCaller who) {
        Welcome.Reads reads;
        try {
            reads = welcome.read(who);
        } catch (Unauthorized ended) {
            connections.remove(socket);
            cutOff.cutOff(socket, sessions.whyOver(who.sessionId()));
            return;
        }
        User user = reads.user();
        List<RoomView> mine = reads.rooms();
        socket.joinRoom(SocketRooms.ofUser(who.userId()));
        mine.forEach(room -> socket.joinRoom(SocketRooms.of(room.name())));
        presence.connected(who.userId(), user.username(), user.displayName());
        socket.on("disconnect", args -> gone(socket, who));
        ReadyState transport = socket.getClient().getConnection().getReadyState();
        if (socket.isConnected() && (transport == ReadyState.CLOSING || transport == ReadyState.CLOSED)) socket.disconnect(true);
        if (!socket.isConnected()) gone(socket, who); // disconnected meanwhile
        writer.ready(socket, user, mine, presence.forReady());
    }
}
