package com.speedfog.racing.seeds.pack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What goes into a player's {@code speedfog_race.toml}. Checked on creation with the same rules as the
 * overlay's reader, so a pack never carries a file the overlay would refuse.
 *
 * @param serverUrl base WebSocket URL of the server ({@code ws://host:port} or {@code wss://...}); the
 *                  overlay appends {@code /ws/mod/<race_id>}. A trailing '/' is dropped.
 * @param position  {@code top-left}, {@code top-right}, {@code bottom-left} or {@code bottom-right}
 * @param textColor colours are written {@code #RRGGBB}
 * @param toggleUi  key names: F1-F24, a letter, a digit, or INSERT, DELETE, HOME, END, PAGE_UP, PAGE_DOWN,
 *                  PAUSE, SCROLL_LOCK, TAB, BACKSPACE, GRAVE_ACCENT
 */
public record RacePackSettings(String serverUrl, UUID raceId, String modToken,
                               boolean overlayEnabled, int fontSize, String position, double backgroundOpacity,
                               String textColor, String highlightColor,
                               String toggleUi, String toggleExits) {

    public static final boolean DEFAULT_OVERLAY_ENABLED = true;
    public static final int DEFAULT_FONT_SIZE = 18;
    public static final String DEFAULT_POSITION = "top-right";
    public static final double DEFAULT_BACKGROUND_OPACITY = 0.6;
    public static final String DEFAULT_TEXT_COLOR = "#FFFFFF";
    public static final String DEFAULT_HIGHLIGHT_COLOR = "#FFD700";
    public static final String DEFAULT_TOGGLE_UI = "F10";
    public static final String DEFAULT_TOGGLE_EXITS = "F11";

    private static final int MIN_FONT_SIZE = 8;
    private static final int MAX_FONT_SIZE = 72;
    private static final Set<String> POSITIONS = Set.of("top-left", "top-right", "bottom-left", "bottom-right");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern KEY = Pattern.compile("F([1-9]|1[0-9]|2[0-4])|[A-Z0-9]|INSERT|DELETE|HOME|END"
            + "|PAGE_UP|PAGE_DOWN|PAUSE|SCROLL_LOCK|TAB|BACKSPACE|GRAVE_ACCENT");

    public RacePackSettings {
        Objects.requireNonNull(raceId, "raceId");
        serverUrl = checkServerUrl(serverUrl);
        if (modToken == null || modToken.isBlank() || modToken.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            throw new IllegalArgumentException("modToken must be non-empty text without spaces or line breaks");
        }
        if (fontSize < MIN_FONT_SIZE || fontSize > MAX_FONT_SIZE) {
            throw new IllegalArgumentException("fontSize must be from " + MIN_FONT_SIZE + " to " + MAX_FONT_SIZE
                    + " (was " + fontSize + ")");
        }
        if (position == null || !POSITIONS.contains(position)) {
            throw new IllegalArgumentException("position must be one of top-left, top-right, bottom-left,"
                    + " bottom-right (was '" + position + "')");
        }
        if (!(backgroundOpacity >= 0 && backgroundOpacity <= 1)) {
            throw new IllegalArgumentException("backgroundOpacity must be from 0 to 1 (was " + backgroundOpacity + ")");
        }
        checkColor("textColor", textColor);
        checkColor("highlightColor", highlightColor);
        toggleUi = checkKey("toggleUi", toggleUi);
        toggleExits = checkKey("toggleExits", toggleExits);
        if (toggleUi.equals(toggleExits)) {
            throw new IllegalArgumentException("toggleExits must differ from toggleUi (both are '" + toggleUi + "')");
        }
    }

    /** Settings for one player with every overlay and key setting at its default. */
    public static RacePackSettings withDefaults(String serverUrl, UUID raceId, String modToken) {
        return new RacePackSettings(serverUrl, raceId, modToken, DEFAULT_OVERLAY_ENABLED, DEFAULT_FONT_SIZE,
                DEFAULT_POSITION, DEFAULT_BACKGROUND_OPACITY, DEFAULT_TEXT_COLOR, DEFAULT_HIGHLIGHT_COLOR,
                DEFAULT_TOGGLE_UI, DEFAULT_TOGGLE_EXITS);
    }

    private static String checkServerUrl(String url) {
        String rule = "serverUrl must be a ws:// or wss:// URL such as ws://racing.example.org:8080";
        if (url == null) {
            throw new IllegalArgumentException(rule + " (was nothing)");
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // reported below with the rule
        }
        throw new IllegalArgumentException(rule + " (was '" + url + "')");
    }

    private static void checkColor(String name, String color) {
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException(name + " must be a colour written #RRGGBB (was '" + color + "')");
        }
    }

    private static String checkKey(String name, String key) {
        String upper = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        if (!KEY.matcher(upper).matches()) {
            throw new IllegalArgumentException(name + " must be F1-F24, a letter, a digit, or one of INSERT, DELETE,"
                    + " HOME, END, PAGE_UP, PAGE_DOWN, PAUSE, SCROLL_LOCK, TAB, BACKSPACE, GRAVE_ACCENT (was '" + key + "')");
        }
        return upper;
    }
}
