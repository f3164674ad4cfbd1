package dev.parley.realtime.boundary;

import dev.parley.accounts.entity.User;
import dev.parley.presence.control.Presence;
import dev.parley.realtime.control.SessionCutOff;
import dev.parley.realtime.control.Welcome;
import dev.parley.realtime.server.SocketCaller;
import dev.parley.realtime.server.SocketLifecycle;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.control.Sessions;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A socket's arrival and departure: put in its user's rooms, online for presence, told {@code ready};
 * offline again once it goes. Registers the event handlers (each a boundary calling the same control
 * beans as REST) before the first socket connects.
 */
@ApplicationScoped
public class SocketEvents implements SocketLifecycle.Listener {
    @Inject
    SocketLifecycle lifecycle;

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
        lifecycle.start(this);
    }

    @Override
    public Runnable arrived(SocketIoSocket socket, SocketCaller who) {
        Welcome.Reads reads = welcome.read(who);
        User user = reads.user();
        List<RoomView> mine = reads.rooms();
        socket.joinRoom(SocketRooms.ofUser(who.userId()));
        mine.forEach(room -> socket.joinRoom(SocketRooms.of(room.name())));
        presence.connected(who.userId(), user.username(), user.displayName());
        return () -> writer.ready(socket, user, mine, presence.forReady());
    }

    @Override
    public void refused(SocketIoSocket socket, SocketCaller who) {
        cutOff.cutOff(socket, sessions.whyOver(who.sessionId()));
    }

    @Override
    public void left(SocketCaller who) {
        presence.disconnected(who.userId());
    }
}
