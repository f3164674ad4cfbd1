package dev.parley.rooms.control;

import dev.parley.rooms.entity.RoomView;
import java.util.Optional;

/**
 * Who hears of a new room, and as what: its creator sees it as theirs; everyone else hears of a public
 * room as outsiders, and nothing of a private one (only those invited to it later do, when invited).
 */
public final class RoomAudience {
    private RoomAudience() {
    }

    /** The room as its creator's sockets are told of it. */
    public static RoomView forCreator(RoomCreated created) {
        return created.room();
    }

    /** The room as everyone but its creator is told of it; empty when they are told nothing (a private room). */
    public static Optional<RoomView> forOthers(RoomCreated created) {
        RoomView room = created.room();
        return room.isPrivate() ? Optional.empty() : Optional.of(room.asOutsider());
    }
}
