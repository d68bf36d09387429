package com.speedfog.racing.overlay.window;

import java.time.Duration;

/**
 * When to draw the next frame: soon after something changed, but never more than {@code busyFps}
 * times a second, and otherwise only {@code idleFps} times a second (the clock on screen still ticks).
 */
public record FramePacer(Duration busyInterval, Duration idleInterval) {

    public static final FramePacer DEFAULT = new FramePacer(Duration.ofMillis(100), Duration.ofSeconds(1));

    /** Nanoseconds to wait before drawing; 0 means draw now. */
    public long waitNanos(boolean changed, long nanosSinceLastFrame) {
        Duration interval = changed ? busyInterval : idleInterval;
        return Math.max(0, interval.toNanos() - nanosSinceLastFrame);
    }
}
