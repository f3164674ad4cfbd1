package dev.parley.realtime.control;

/** Names of the library's rooms (socket groups) that Parley's rooms and users map to. */
public final class SocketRooms {
    private SocketRooms() {
    }

    public static String of(String roomName) {
        return "room:" + roomName;
    }
}
