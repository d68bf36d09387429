package com.speedfog.racing.overlay.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** A colour written "#RRGGBB". */
public record RgbColor(int red, int green, int blue) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    public RgbColor {
        if ((red | green | blue) >>> 8 != 0) {
            throw new IllegalArgumentException("colour components are 0..255");
        }
    }

    public static Optional<RgbColor> parse(String text) {
        if (!HEX.matcher(text).matches()) {
            return Optional.empty();
        }
        int rgb = Integer.parseInt(text.substring(1), 16);
        return Optional.of(new RgbColor(rgb >>> 16, (rgb >>> 8) & 0xFF, rgb & 0xFF));
    }

    @Override
    public String toString() {
        return String.format("#%02X%02X%02X", red, green, blue);
    }
}
