package dev.parley.realtime.boundary;

import dev.parley.accounts.control.Accounts;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.Unauthorized;
import dev.parley.messages.control.Messages;
import dev.parley.rooms.control.Rooms;
import dev.parley.rooms.entity.Room;
import dev.parley.realtime.control.Connections;
import dev.parley.realtime.control.ConnectGate;
import dev.parley.realtime.control.Engine;
import dev.parley.realtime.control.Handlers;
import dev.parley.realtime.control.Identity;
import dev.parley.realtime.control.Payload;
import dev.parley.realtime.control.SocketRooms;
import dev.parley.realtime.control.Wire;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.EndReason;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * The Socket.IO boundary: what a connected socket may ask, each event answered by the same control
 * beans as the REST resources.
 */
@ApplicationScoped
public class SocketEvents {
    @Inject
    Engine engine;

    @Inject
    ConnectGate gate;

    @Inject
    Connections connections;

    @Inject
    Handlers handlers;

    @Inject
    Sessions sessions;

    @Inject
    Accounts accounts;

    @Inject
    Rooms rooms;

    @Inject
    Messages messages;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        engine.namespace().on("connection", args -> connected((SocketIoSocket) args[0]));
    }

    private void connected(SocketIoSocket socket) {
        Identity who = gate.identityOf(socket.getClient().getConnection().getId());
        if (who == null) {
            socket.disconnect(true);
            return;
        }
        var user = accounts.byId(who.userId());
        connections.add(socket, who, user.displayName());
        socket.on("disconnect", args -> connections.remove(socket));
        try {
            sessions.requireLive(who.sessionId()); // it may have ended since the gate let it through
        } catch (Unauthorized ended) {
            socket.send("session_terminated", new JSONObject().put("reason", EndReason.REVOKED.wire()));
            socket.disconnect(true);
            return;
        }
        socket.joinRoom(SocketRooms.of(Room.FEED));

        handlers.on(socket, "message", this::message);
        handlers.on(socket, "history", this::history);
        handlers.on(socket, "logout_all", (me, s, payload) ->
                Map.of("terminated", sessions.endAll(me.userId(), EndReason.LOGOUT_ALL)));
        handlers.on(socket, "terminate_other_sessions", (me, s, payload) ->
                Map.of("terminated", sessions.endOthers(me.userId(), me.sessionId())));

        socket.send("ready", Wire.json(Map.of(
                "user", user.view(),
                "rooms", List.of(rooms.feed()),
                "online", connections.online())));
    }

    private Map<String, ?> message(Identity me, SocketIoSocket socket, Object payload) {
        String text;
        String room = Room.FEED;
        String clientMsgId = null;
        if (payload instanceof String bare) {
            text = bare;
        } else {
            Payload p = Payload.of(payload);
            text = p.string("text");
            room = p.optString("room") != null ? p.optString("room") : Room.FEED;
            clientMsgId = p.optString("clientMsgId");
        }
        return Map.of("message", messages.postToRoom(me.userId(), room, text, clientMsgId).message());
    }

    private Map<String, ?> history(Identity me, SocketIoSocket socket, Object payload) {
        Payload p = Payload.of(payload);
        String room = p.optString("room");
        if (room == null) throw new InvalidPayload("room is required");
        var page = messages.roomHistory(room, p.optLong("before"), p.optLong("after"), p.optInt("limit"));
        return Map.of("messages", page.messages(), "hasMore", page.hasMore());
    }
}
