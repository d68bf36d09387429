package com.speedfog.racing.overlay.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the probe reads and how often.
 *
 * @param samples how many ticks to run before returning, 0 for until interrupted
 */
public record ProbeOptions(String processName, Optional<Path> config, Duration interval, int samples) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** While globals are missing (the game may still be unpacking its code), scan again this often. */
    static final Duration RESCAN_INTERVAL = Duration.ofSeconds(5);

    public ProbeOptions {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be 0 or more");
        }
    }
}
