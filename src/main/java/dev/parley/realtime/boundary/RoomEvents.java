package dev.parley.realtime.boundary;

import dev.parley.realtime.control.Handlers;
import dev.parley.realtime.control.Payload;
import dev.parley.rooms.control.Rooms;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Rooms from a socket: the same {@link Rooms} calls as the REST endpoints. */
@ApplicationScoped
public class RoomEvents {
    @Inject
    Handlers handlers;

    @Inject
    Rooms rooms;

    public void attach(SocketIoSocket socket) {
        handlers.on(socket, "join", (me, s, payload) ->
                Map.of("room", rooms.join(me.userId(), Payload.of(payload).string("room"))));
        handlers.on(socket, "leave", (me, s, payload) -> {
            String room = Payload.of(payload).string("room");
            rooms.leave(me.userId(), room);
            return Map.of("room", rooms.view(rooms.byName(room), me.userId()));
        });
        handlers.on(socket, "create_room", (me, s, payload) -> {
            Payload p = Payload.of(payload);
            return Map.of("room", rooms.create(me.userId(), p.string("name"), p.optString("topic")));
        });
    }
}
