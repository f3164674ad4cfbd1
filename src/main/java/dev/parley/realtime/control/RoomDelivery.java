package dev.parley.realtime.control;

import dev.parley.realtime.server.Audience;
import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.SocketRooms;
import dev.parley.realtime.server.SocketWriter;
import dev.parley.rooms.control.Invited;
import dev.parley.rooms.control.MemberRemoved;
import dev.parley.rooms.control.MembershipChanged;
import dev.parley.rooms.control.RoomAudience;
import dev.parley.rooms.control.RoomCreated;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;

/** Rooms and membership on this node's sockets: sockets follow their user in and out of rooms, and hear of new rooms and invitations. */
@ApplicationScoped
public class RoomDelivery {
    @Inject
    Connections connections;

    @Inject
    SocketWriter writer;

    /** Joining or leaving on one socket moves every socket of the user. */
    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        String room = SocketRooms.of(change.room());
        connections.moveRooms(change.userId(), socket -> {
            if (change.joined()) socket.joinRoom(room);
            else socket.leaveRoom(room);
        });
    }

    /** {@code room_created}, to whom and as what {@link RoomAudience} says. */
    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated created) {
        List<SocketIoSocket> creators = connections.ofUser(created.creatorId());
        RoomAudience.forOthers(created).ifPresent(room -> writer.roomCreated(room, Audience.everyone().except(creators)));
        writer.roomCreated(creators, RoomAudience.forCreator(created));
    }

    /**
     * A removed or banned user's sockets leave the room at once, so nothing broadcast to the room after
     * the removal reaches them; they are told in each socket's order, so a socket still connecting
     * hears it after its {@code ready}, which may list the room.
     */
    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberRemoved removal) {
        String room = SocketRooms.of(removal.room());
        connections.moveRooms(removal.userId(), socket -> {
            socket.leaveRoom(room);
            connections.inOrder(socket, () -> writer.roomRemoved(socket, removal.room(), removal.reason()));
        });
    }

    /** {@code room_invited} with the room as the invitee sees it, to each of their sockets. */
    void invited(@Observes(during = TransactionPhase.AFTER_SUCCESS) Invited invitation) {
        writer.roomInvited(invitation.room(), Audience.users(invitation.userId()));
    }
}
