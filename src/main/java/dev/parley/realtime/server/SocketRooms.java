package dev.parley.realtime.server;

/** Names of the library's rooms (socket groups) that Parley's rooms and users map to. */
public final class SocketRooms {
    private SocketRooms() {
    }

    public static String of(String roomName) {
        return "room:" + roomName;
    }

    /** Every socket of one user. */
    public static String ofUser(long userId) {
        return "user:" + userId;
    }

    /** What a socket's {@code focus} is set to when it shows a room, or a conversation with a user. */
    public static String focusOnRoom(String roomName) {
        return "room:" + roomName;
    }

    public static String focusOnConversation(String username) {
        return "with:" + username.toLowerCase(java.util.Locale.ROOT);
    }
}
