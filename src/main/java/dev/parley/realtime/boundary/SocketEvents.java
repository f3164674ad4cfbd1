package dev.parley.realtime.boundary;

import dev.parley.accounts.entity.User;
import dev.parley.presence.control.Presence;
import dev.parley.realtime.control.SessionCutOff;
import dev.parley.realtime.control.Welcome;
import dev.parley.realtime.server.Connections;
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
import java.util.Set;
import java.util.stream.Collectors;

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
    Connections connections;

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
        long moves = connections.roomMovesOf(who.userId());
        Welcome.Reads reads = welcome.read(who);
        User user = reads.user();
        socket.joinRoom(SocketRooms.ofUser(who.userId()));
        reads.rooms().forEach(room -> socket.joinRoom(SocketRooms.of(room.name())));
        List<RoomView> mine = caughtUp(socket, who, moves, reads.rooms());
        presence.connected(who.userId(), user.username(), user.displayName(), user.bot());
        return () -> writer.ready(socket, user, mine, presence.forReady());
    }

    /**
     * The socket's rooms once no move of its user's sockets can have been undone by its joins. A kick,
     * ban, leave or join committed after the rooms were read moves the user's sockets after its commit
     * (here, or on another node and relayed: the same observer moves them), this one among them (it is counted in {@code Connections} before the read), and may do so before
     * this socket joined what it read: a kicked user's socket would then join the room again. Every
     * move is counted before it is made, so: a count unchanged since before the read means every move
     * so far was committed before the read (the read saw it) and every later one comes after these
     * joins (it reaches this socket last); a changed count means reading the rooms again and following.
     * A connect pays two counter reads, and a read of the rooms per move that overlapped it.
     */
    private List<RoomView> caughtUp(SocketIoSocket socket, SocketCaller who, long movesBeforeRead, List<RoomView> read) {
        long seen = movesBeforeRead;
        List<RoomView> joined = read;
        while (true) {
            long moves = connections.roomMovesOf(who.userId());
            if (moves == seen) return joined;
            seen = moves;
            List<RoomView> now = welcome.roomsAgain(who);
            Set<String> names = now.stream().map(RoomView::name).collect(Collectors.toSet());
            joined.stream().filter(room -> !names.contains(room.name())).forEach(room -> socket.leaveRoom(SocketRooms.of(room.name())));
            now.forEach(room -> socket.joinRoom(SocketRooms.of(room.name())));
            joined = now;
        }
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
