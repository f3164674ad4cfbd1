package dev.parley.presence.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.presence.control.UserSockets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredSocketsTest {
    @Test
    void whatIsStoredReadsBackTheSame() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UserSockets user = new UserSockets();
        user.connected(7, a, "ann", "Ann  O'Neil | \"x\" ", true, 123_456, 1_700_000_000_000L);
        user.admit(b, 20);
        user.connected(7, b, "ann", "ignored", false, 1, 1);
        user.disconnected(a);
        user.disconnected(b);

        String stored = StoredSockets.encode(user);
        UserSockets back = StoredSockets.decode(stored);
        assertEquals(stored, StoredSockets.encode(back));
        assertEquals(user.version, back.version);
        assertEquals(user.epoch, back.epoch);
        assertEquals(user.graceOwner, back.graceOwner);
        assertEquals("Ann  O'Neil | \"x\" ", back.displayName);
        assertEquals(true, back.bot, "a bot stays one");
        assertArrayEquals(new int[]{1, 0}, back.nodes.get(b));
        assertEquals(1, back.nodes.size(), "a node with nothing left is not stored");
    }
}
