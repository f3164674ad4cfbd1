package dev.parley.messages.control.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchSizeTest {
    @Test
    void startsAtTheMostAndStaysThereWhileBatchesAreQuick() {
        BatchSize size = new BatchSize(1000);
        assertEquals(1000, size.next());
        size.took(20);
        assertEquals(1000, size.next());
    }

    @Test
    void halvesWhileBatchesAreSlowDownToTheFloor() {
        BatchSize size = new BatchSize(1000);
        size.took(BatchSize.TARGET_MS + 1);
        assertEquals(500, size.next());
        for (int i = 0; i < 20; i++) size.took(5_000);
        assertEquals(BatchSize.FLOOR, size.next());
    }

    @Test
    void growsBackWhenQuickAgainButNeverPastTheMost() {
        BatchSize size = new BatchSize(1000);
        for (int i = 0; i < 3; i++) size.took(1_000);
        assertEquals(125, size.next());
        size.took(BatchSize.TARGET_MS); // neither slow nor quick: unchanged
        assertEquals(125, size.next());
        for (int i = 0; i < 10; i++) size.took(1);
        assertEquals(1000, size.next());
    }
}
