package com.speedfog.racing.gateway.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read-your-writes over eventually consistent parts: projections and the race saga follow a command
 * within milliseconds, and an answer that includes the result reads better than one that points at it.
 */
public final class Eventually {
    private Eventually() {
    }

    public static <T> Optional<T> await(Supplier<Optional<T>> probe, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent() || System.nanoTime() > deadline) {
                return value;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        }
    }

    /** Runs the action, retrying while it fails with {@code retryOn} (e.g. an aggregate not created yet). */
    public static <T> T retry(Supplier<T> action, Class<? extends RuntimeException> retryOn, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!retryOn.isInstance(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
