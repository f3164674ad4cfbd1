package dev.parley.realtime.control;

/** A token bucket: {@code burst} events at once, refilled at {@code perSecond}. */
final class RateBucket {
    private final double burst;
    private final double perNano;
    private double tokens;
    private long last;

    RateBucket(int burst, double perSecond) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
