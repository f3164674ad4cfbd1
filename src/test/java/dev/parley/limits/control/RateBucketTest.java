package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBucketTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aBurstThenNothingUntilRefilled() {
        RateBucket bucket = new RateBucket(3, 1, nanos::get);
        assertTrue(bucket.take());
        assertTrue(bucket.take());
        assertTrue(bucket.take());
        assertFalse(bucket.take());
        nanos.addAndGet(1_000_000_000L);
        assertTrue(bucket.take());
        assertFalse(bucket.take());
    }

    @Test
    void neverHoldsMoreThanItsBurst() {
        RateBucket bucket = new RateBucket(2, 100, nanos::get);
        nanos.addAndGet(60_000_000_000L);
        assertTrue(bucket.isFull());
        assertTrue(bucket.take());
        assertTrue(bucket.take());
        assertFalse(bucket.take());
        assertFalse(bucket.isFull());
    }

    @Test
    void aCostTakesThatManyTokensOrNone() {
        RateBucket bucket = new RateBucket(5, 1, nanos::get);
        assertTrue(bucket.take(3));
        assertFalse(bucket.take(3), "two left: a cost of three takes nothing");
        assertTrue(bucket.take(2));
        assertFalse(bucket.take());
        nanos.addAndGet(3_000_000_000L);
        assertTrue(bucket.take(3));
    }
}
