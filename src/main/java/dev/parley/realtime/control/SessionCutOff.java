package dev.parley.realtime.control;

import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.SocketLifecycle;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.sessions.control.SessionsEnded;
import dev.parley.sessions.entity.EndReason;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Every socket whose session is over is told {@code session_terminated} with the reason, then disconnected. */
@ApplicationScoped
public class SessionCutOff {
    @Inject
    Connections connections;

    @Inject
    SocketWriter writer;

    @Inject
    SocketLifecycle lifecycle;

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        for (String sessionId : ended.sessionIds()) {
            for (SocketIoSocket socket : connections.ofSession(sessionId)) {
                // The socket that asked (logout_all over Socket.IO) gets its ack first.
                Handlers.afterAck(socket, () -> cutOff(socket, ended.reason()));
            }
        }
    }

    public void cutOff(SocketIoSocket socket, EndReason reason) {
        writer.sessionTerminated(socket, reason);
        lifecycle.disconnect(socket);
    }
}
