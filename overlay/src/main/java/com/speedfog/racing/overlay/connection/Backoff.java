package com.speedfog.racing.overlay.connection;

import java.time.Duration;

/** Delays between reconnection attempts: the first, then doubling up to a ceiling. Not thread-safe. */
public final class Backoff {

    public static final Duration DEFAULT_FIRST = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(30);

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, got " + first + ", " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The delay before the coming attempt; the one after it will be twice as long (up to the ceiling). */
    public Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** After a connection that worked: start again from the first delay. */
    public void reset() {
        next = first;
    }
}
