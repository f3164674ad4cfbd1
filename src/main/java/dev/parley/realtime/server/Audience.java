package dev.parley.realtime.server;

import io.socket.socketio.server.SocketIoSocket;
import java.util.Collection;

/**
 * Which of this node's sockets a broadcast reaches: those in any of the socket rooms ({@link SocketRooms};
 * every socket when {@code rooms} is null), but the excepted socket ids.
 */
public record Audience(String[] rooms, String[] except) {

    public static Audience everyone() {
        return new Audience(null, null);
    }

    /** The sockets in a Parley room. */
    public static Audience room(String roomName) {
        return new Audience(new String[] {SocketRooms.of(roomName)}, null);
    }

    /** Every socket of each of the users. */
    public static Audience users(long... userIds) {
        String[] rooms = new String[userIds.length];
        for (int i = 0; i < userIds.length; i++) rooms[i] = SocketRooms.ofUser(userIds[i]);
        return new Audience(rooms, null);
    }

    /** The same, but for the socket with this id (none when null). */
    public Audience except(String socketId) {
        return socketId == null ? this : new Audience(rooms, new String[] {socketId});
    }

    /** The same, but for these sockets. */
    public Audience except(Collection<SocketIoSocket> sockets) {
        return new Audience(rooms, sockets.stream().map(SocketIoSocket::getId).toArray(String[]::new));
    }
}
