package com.speedfog.racing.gateway.ws;

/** A token bucket: {@code perSecond} messages a second on average, bursts up to {@code burst}. */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
