package com.speedfog.racing.seeds.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's {@code config.toml}:
 * <pre>
 * display_name = "Standard (~1h)"       # required: the pool's name shown to organizers
 * description = "Classic format"         # optional
 * estimated_duration = "~1h"             # optional: minutes (60) or text like "~1h", "~45min", "1h30"
 *
 * [settings]                             # optional: SpeedFog settings, shown to organizers as they are
 * scale = true
 * layers = 13
 * </pre>
 *
 * @param settings the {@code [settings]} table in file order: values are String, Long, Double, Boolean,
 *                 lists and nested maps
 */
public record PoolConfig(String displayName, String description, Optional<Duration> estimatedDuration,
                         Map<String, Object> settings) {

    public static final String FILE_NAME = "config.toml";

    public PoolConfig {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Reads and checks a config.toml.
     *
     * @throws InvalidPoolConfigException naming the file and the field that is wrong
     */
    public static PoolConfig read(Path file) {
        return PoolConfigReader.read(file);
    }

    /** The estimated duration written the way pools usually say it: "~1h", "~45min", "~1h30". Empty when unknown. */
    public String estimatedDurationText() {
        return estimatedDuration.map(PoolConfig::describe).orElse("");
    }

    private static String describe(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0) {
            return "~" + minutes + "min";
        }
        return minutes == 0 ? "~" + hours + "h" : "~" + hours + "h" + String.format("%02d", minutes);
    }
}
