package dev.parley.realtime.boundary;

import dev.parley.errors.Forbidden;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.SocketCaller;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.EndReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Ending sessions from a socket: the same {@link Sessions} calls as the REST endpoints. */
@ApplicationScoped
public class SessionEvents {
    @Inject
    Handlers handlers;

    @Inject
    Sessions sessions;

    /** Registers the handlers, once for all sockets. */
    public void register() {
        handlers.on("logout_all", (me, s, payload) ->
                Map.of("terminated", sessions.endAll(loggedIn(me).userId(), EndReason.LOGOUT_ALL)));
        handlers.on("terminate_other_sessions", (me, s, payload) ->
                Map.of("terminated", sessions.endOthers(loggedIn(me).userId(), me.sessionId())));
    }

    /** As REST's {@code LoginSessionOnly}: a socket connected with a personal access token ends no session. */
    private static SocketCaller loggedIn(SocketCaller me) {
        if (me.accessToken()) throw new Forbidden("A personal access token cannot do this; log in");
        return me;
    }
}
