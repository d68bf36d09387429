package com.speedfog.racing.overlay.config;

/** How the overlay window looks. */
public record OverlaySettings(boolean enabled, int fontSize, ScreenCorner position, double backgroundOpacity,
                              RgbColor textColor, RgbColor highlightColor) {

    public static final boolean DEFAULT_ENABLED = true;
    public static final int DEFAULT_FONT_SIZE = 18;
    public static final int MIN_FONT_SIZE = 8;
    public static final int MAX_FONT_SIZE = 72;
    public static final ScreenCorner DEFAULT_POSITION = ScreenCorner.TOP_RIGHT;
    public static final double DEFAULT_BACKGROUND_OPACITY = 0.6;
    public static final RgbColor DEFAULT_TEXT_COLOR = new RgbColor(0xFF, 0xFF, 0xFF);
    public static final RgbColor DEFAULT_HIGHLIGHT_COLOR = new RgbColor(0xFF, 0xD7, 0x00);
}
