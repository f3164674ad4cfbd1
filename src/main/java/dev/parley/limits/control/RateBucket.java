package dev.parley.limits.control;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} events at once, refilled at {@code perSecond}. The one rate limit of
 * Parley: a socket's events, a user's REST writes, an address's sign-ups.
 */
public final class RateBucket {
    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public RateBucket(int burst, double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    RateBucket(int burst, double perSecond, LongSupplier nanoTime) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    public boolean take() {
        return take(1);
    }

    /** Takes {@code cost} tokens at once, or none when fewer are left. */
    public synchronized boolean take(int cost) {
        refill();
        if (tokens < cost) return false;
        tokens -= cost;
        return true;
    }

    /** Refilled to its burst: the same as a bucket never used, so it can be forgotten. */
    synchronized boolean isFull() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
