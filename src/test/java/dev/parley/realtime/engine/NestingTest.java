package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NestingTest {
    @Test
    void theContractsPayloadsPass() {
        assertFalse(Nesting.tooDeep("2[\"sync\",{\"rooms\":{\"feed\":12},\"conversations\":{}}]"));
        assertFalse(Nesting.tooDeep("2" + "[".repeat(Nesting.MAX_DEPTH) + "]".repeat(Nesting.MAX_DEPTH)));
    }

    @Test
    void deeperThanTheLimitIsRefusedOpenOrClosed() {
        assertTrue(Nesting.tooDeep("3826" + "[".repeat(Nesting.MAX_DEPTH + 1) + "]".repeat(Nesting.MAX_DEPTH + 1)));
        assertTrue(Nesting.tooDeep("2[\"message\"," + "{\"a\":".repeat(600)));
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        assertFalse(Nesting.tooDeep("2[\"message\",\"" + "[{".repeat(500) + "\"]"));
        assertFalse(Nesting.tooDeep("2[\"message\",\"\\\"" + "[".repeat(500) + "\"]"));
    }
}
