package dev.parley.rooms.control;

import dev.parley.cluster.ClusterEvent;
import java.util.List;

/**
 * Something every member sees of a room changed (its topic, its retention, its owner), or only one
 * member's view of it (their role): each of their sockets is told {@code room_updated} with the room
 * as that user sees it, read after commit by the node the socket is on.
 *
 * @param users whose view changed; empty: every member's
 */
public record RoomUpdated(String room, List<Long> users) implements ClusterEvent {

    public static RoomUpdated forEveryMember(String room) {
        return new RoomUpdated(room, List.of());
    }

    public static RoomUpdated forUsers(String room, Long... users) {
        return new RoomUpdated(room, List.of(users));
    }

    public boolean everyMember() {
        return users.isEmpty();
    }
}
