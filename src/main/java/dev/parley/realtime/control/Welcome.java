package dev.parley.realtime.control;

import dev.parley.realtime.server.SocketCaller;
import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.control.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What a new socket's {@code ready} is read from, in one transaction: the reads join it rather than
 * take a transaction and a pooled connection each, a cost paid on every connect.
 */
@ApplicationScoped
public class Welcome {
    @Inject
    Sessions sessions;

    @Inject
    Accounts accounts;

    @Inject
    RoomListings rooms;

    public record Reads(User user, List<RoomView> rooms) {
    }

    /** The user and their rooms, once the session is checked live again (it may have ended since the gate). */
    @Transactional
    public Reads read(SocketCaller who) {
        sessions.requireLive(who.sessionId());
        return new Reads(accounts.byId(who.userId()), rooms.roomsOf(who.userId()));
    }

    /** The user's rooms read again, when they changed while the socket was joining those first read. */
    @Transactional
    public List<RoomView> roomsAgain(SocketCaller who) {
        return rooms.roomsOf(who.userId());
    }
}
