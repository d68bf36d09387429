package com.speedfog.racing.overlay.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The corner of the screen the overlay sits in. */
public enum ScreenCorner {
    TOP_LEFT("top-left"),
    TOP_RIGHT("top-right"),
    BOTTOM_LEFT("bottom-left"),
    BOTTOM_RIGHT("bottom-right");

    private final String configName;

    ScreenCorner(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<ScreenCorner> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equalsIgnoreCase(name.strip())).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(ScreenCorner::configName).collect(Collectors.joining(", "));
    }
}
