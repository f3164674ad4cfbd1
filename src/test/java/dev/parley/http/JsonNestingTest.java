package dev.parley.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonNestingTest {
    @Test
    void theContractsPayloadsPass() {
        assertFalse(JsonNesting.tooDeep("2[\"sync\",{\"rooms\":{\"feed\":12},\"conversations\":{}}]"));
        assertFalse(JsonNesting.tooDeep("2" + "[".repeat(JsonNesting.MAX_DEPTH) + "]".repeat(JsonNesting.MAX_DEPTH)));
    }

    @Test
    void deeperThanTheLimitIsRefusedOpenOrClosed() {
        assertTrue(JsonNesting.tooDeep("3826" + "[".repeat(JsonNesting.MAX_DEPTH + 1) + "]".repeat(JsonNesting.MAX_DEPTH + 1)));
        assertTrue(JsonNesting.tooDeep("2[\"message\"," + "{\"a\":".repeat(600)));
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        assertFalse(JsonNesting.tooDeep("2[\"message\",\"" + "[{".repeat(500) + "\"]"));
        assertFalse(JsonNesting.tooDeep("2[\"message\",\"\\\"" + "[".repeat(500) + "\"]"));
    }
}
