package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientClosesTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ClientCloses closes = new ClientCloses(now::get);

    @Test
    void theGetACloseOvertookGetsItsNoopOnceAndNoOtherSidDoes() {
        closes.closing("a");
        assertFalse(closes.overtaken("b"));
        assertTrue(closes.overtaken("a"));
        assertFalse(closes.overtaken("a"));
    }

    @Test
    void aCloseThatAnsweredAWaitingGetOwesNothing() {
        closes.closing("a");
        closes.answered("a");
        assertFalse(closes.overtaken("a"));
    }

    @Test
    void theNoopLapsesAfterTheWindow() {
        closes.closing("a");
        now.addAndGet(ClientCloses.WINDOW_NANOS);
        assertFalse(closes.overtaken("a"));
    }

    @Test
    void lapsedClosesAreForgottenAsNewOnesCome() {
        closes.closing("a");
        now.addAndGet(ClientCloses.WINDOW_NANOS);
        closes.closing("b");
        now.addAndGet(-ClientCloses.WINDOW_NANOS); // were "a" still kept, it would count as fresh now
        assertFalse(closes.overtaken("a"));
        assertTrue(closes.overtaken("b"));
    }
}
