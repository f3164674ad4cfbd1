package dev.parley.realtime.server;

import dev.parley.errors.Unauthorized;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A socket's life on this node as the server sees it: admitted by the gate, counted, given the event
 * handlers, welcomed by the application in the socket's order, and forgotten once when it goes.
 */
@ApplicationScoped
public class SocketLifecycle {
    @Inject
    SocketServer server;

    @Inject
    ConnectGate gate;

    @Inject
    Connections connections;

    @Inject
    Handlers handlers;

    /** The application's side of a socket's life: arrival and refusal run in the socket's order, off the transport's thread. */
    public interface Listener {
        /**
         * An admitted socket, to be put in its rooms and announced; returns its greeting, sent once
         * the server follows its disconnect. Throws {@link Unauthorized} when its session has ended since the gate.
         */
        Runnable arrived(SocketIoSocket socket, SocketCaller who);

        /** A socket whose session had ended by the time it was welcomed: already forgotten here. */
        void refused(SocketIoSocket socket, SocketCaller who);

        /** A welcomed socket is gone: called once, in the socket's order or on the library's disconnect. */
        void left(SocketCaller who);
    }

    /** From now on, every socket that connects is told to {@code application}. */
    public void start(Listener application) {
        server.namespace().on("connection", args -> connected((SocketIoSocket) args[0], application));
    }

    /**
     * Runs under the namespace's lock (and, for long-polling, the connection's): only what must
     * happen before the client's next packet is done here; the rest runs in the socket's order.
     */
    private void connected(SocketIoSocket socket, Listener application) {
        SocketCaller who = gate.identityOf(socket.getClient().getConnection().getId());
        if (who == null) {
            // Closed while the gate checked it. The library files the socket with its client only after this
            // event, so closing the connection alone would leave the socket to join its own room and stay in
            // it for good; disconnect closes the socket first, which undoes that join (FanOut.add).
            disconnect(socket);
            return;
        }
        connections.add(socket, who);
        handlers.attach(socket);
        connections.inOrder(socket, () -> welcome(socket, who, application));
        // socket.io-server 4.1.2 files a new socket with its client only after this event returns: a
        // transport that closes in between never disconnects the socket, which would then stay counted
        // and in its rooms for good (faults/MalformedFramesIT). The transport's own close is heard
        // instead; queued after the welcome, so that presence hears of the socket before it goes.
        EngineIoSocket transport = socket.getClient().getConnection();
        transport.once("close", args -> connections.inOrder(socket, () -> gone(socket, who, application)));
        if (transport.getReadyState() == ReadyState.CLOSED) connections.inOrder(socket, () -> gone(socket, who, application));
    }

    private void welcome(SocketIoSocket socket, SocketCaller who, Listener application) {
        Runnable greeting;
        try {
            greeting = application.arrived(socket, who);
        } catch (Unauthorized ended) {
            connections.remove(socket);
            application.refused(socket, who);
            return;
        }
        socket.on("disconnect", args -> gone(socket, who, application));
        ReadyState transport = socket.getClient().getConnection().getReadyState();
        if (socket.isConnected() && (transport == ReadyState.CLOSING || transport == ReadyState.CLOSED)) disconnect(socket);
        if (!socket.isConnected()) gone(socket, who, application); // disconnected meanwhile
        greeting.run();
    }

    /**
     * Disconnects the socket and closes its connection. Not socket.io-server 4.1.2's
     * {@code disconnect(true)}: that starts the connection's close and then takes every {@code close}
     * listener off the connection ({@code SocketIoClient.destroy}), while a WebSocket's close (or a
     * long-poll's with no request waiting) completes later, on the flusher's thread. The engine's table
     * of connections, the gate (the user's place under the socket cap) and the transports would then
     * never hear of it, and keep it for good. Closed here, the connection tells them all. Remove when
     * the library takes off only its own listeners.
     */
    public void disconnect(SocketIoSocket socket) {
        socket.disconnect(false);
        socket.getClient().getConnection().close();
    }

    private void gone(SocketIoSocket socket, SocketCaller who, Listener application) {
        // heard from the transport for a socket the library never closed (see connected): close it now,
        // so that it leaves its rooms and the namespace, which would otherwise hold it for good
        if (socket.isConnected()) socket.disconnect(false);
        if (connections.remove(socket)) application.left(who);
    }
}
