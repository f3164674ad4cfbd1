package dev.parley.rooms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rooms.entity.RoomView;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomAudienceTest {
    private static RoomView created(boolean isPrivate) {
        return new RoomView("plans", "Q1", "alice", Instant.parse("2026-12-07T09:00:00Z"), 1, true, 0, 0, isPrivate, "owner", null);
    }

    @Test
    void everyoneElseHearsOfAPublicRoomAsAnOutsider() {
        RoomCreated created = new RoomCreated(created(false), 7);
        assertEquals(Optional.of(created.room().asOutsider()), RoomAudience.forOthers(created));
        assertEquals(created.room(), RoomAudience.forCreator(created), "the creator sees it as theirs");
    }

    @Test
    void noOneButTheCreatorHearsOfAPrivateRoom() {
        RoomCreated created = new RoomCreated(created(true), 7);
        assertTrue(RoomAudience.forOthers(created).isEmpty());
        assertEquals(created.room(), RoomAudience.forCreator(created));
    }
}
