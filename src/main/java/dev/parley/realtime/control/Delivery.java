package dev.parley.realtime.control;

import dev.parley.messages.control.MessagePosted;
import dev.parley.sessions.control.SessionsEnded;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.json.JSONObject;

/**
 * Acts on sockets for what other components have committed: delivers posted messages to the
 * sockets in their room, and cuts off the sockets of ended sessions.
 */
@ApplicationScoped
public class Delivery {
    @Inject
    Engine engine;

    @Inject
    Connections connections;

    @Inject
    @Metric(name = "parley_deliveries", absolute = true, description = "Messages sent to sockets")
    Counter deliveries;

    /** To every socket in the room but the one that sent it (if it was sent on this node by a socket). */
    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        String room = SocketRooms.of(posted.message().room());
        JSONObject payload = Wire.json(posted.message());
        SocketIoSocket sender = Handlers.currentSocket();
        int recipients = engine.namespace().getAdapter().listClients(room).length;
        if (sender != null) {
            sender.broadcast(room, "message", payload);
            recipients--;
        } else {
            engine.namespace().broadcast(room, "message", payload);
        }
        deliveries.inc(Math.max(0, recipients));
    }

    /** {@code session_terminated} with the reason, then the socket is disconnected. */
    void cutOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        JSONObject reason = new JSONObject().put("reason", ended.reason().wire());
        for (String sessionId : ended.sessionIds()) {
            for (SocketIoSocket socket : connections.ofSession(sessionId)) {
                // The socket that asked (logout_all over Socket.IO) gets its ack first.
                Handlers.afterAck(socket, () -> {
                    socket.send("session_terminated", reason);
                    socket.disconnect(true);
                });
            }
        }
    }

    /** Created at startup, so that its metrics are on /metrics from the start. */
    void eager(@Observes Startup started) {
    }
}
