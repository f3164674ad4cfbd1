package dev.parley.cluster.grid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A sealed event copied off the wire and published again is refused; the nearly-in-order serials of one node all pass once. */
class ReplaysTest {
    private final Replays replays = new Replays();
    private final UUID node = UUID.randomUUID();

    @Test
    void anEventTakenOnceIsRefusedAfter() {
        assertTrue(replays.first(node, 1));
        assertTrue(replays.first(node, 2));
        assertFalse(replays.first(node, 2));
        assertFalse(replays.first(node, 1));
        assertTrue(replays.first(UUID.randomUUID(), 2), "another node's serials are its own");
    }

    @Test
    void serialsOutOfOrderWithinTheWindowPassOnceEach() {
        assertTrue(replays.first(node, 10));
        assertTrue(replays.first(node, 13));
        assertTrue(replays.first(node, 11));
        assertTrue(replays.first(node, 12));
        for (long s = 10; s <= 13; s++) assertFalse(replays.first(node, s), "serial " + s + " again");
        assertTrue(replays.first(node, 10 + Replays.WINDOW + 5), "a jump forward");
        assertFalse(replays.first(node, 13), "older than the window: refused");
        assertTrue(replays.first(node, 10 + Replays.WINDOW + 1), "a gap left by the jump, within the window");
        assertFalse(replays.first(node, 10 + Replays.WINDOW + 1));
    }

    @Test
    void aSlotReusedAcrossTheWindowIsNotTakenForAReplay() {
        for (long s = 1; s <= 3L * Replays.WINDOW; s++) assertTrue(replays.first(node, s), "serial " + s);
        assertFalse(replays.first(node, 3L * Replays.WINDOW - 1));
    }
}
