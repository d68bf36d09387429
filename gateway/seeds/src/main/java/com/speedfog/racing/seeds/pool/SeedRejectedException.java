package com.speedfog.racing.seeds.pool;

/** Thrown while inspecting a seed; its message becomes the reason shown for the rejected seed. */
final class SeedRejectedException extends RuntimeException {

    SeedRejectedException(String reason) {
        super(reason);
    }

    SeedRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
