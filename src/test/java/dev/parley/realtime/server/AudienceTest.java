package dev.parley.realtime.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class AudienceTest {
    @Test
    void namesTheSocketRoomsOfARoomOrOfUsers() {
        assertArrayEquals(new String[] {"room:general"}, Audience.room("general").rooms());
        assertArrayEquals(new String[] {"user:2", "user:1"}, Audience.users(2, 1).rooms());
        assertNull(Audience.everyone().rooms(), "every socket");
    }

    @Test
    void exceptsTheNamedSocketsOnly() {
        Audience room = Audience.room("general");
        assertSame(room, room.except((String) null), "a post over REST comes from no socket");
        assertNull(room.except());
        assertArrayEquals(new String[] {"s1"}, room.except("s1").except());
        assertArrayEquals(new String[0], room.except(List.of()).except(), "a typist with no socket here");
    }
}
