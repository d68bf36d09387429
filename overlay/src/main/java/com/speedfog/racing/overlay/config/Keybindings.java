package com.speedfog.racing.overlay.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Keys that toggle the overlay, by name ("F10"), upper-cased. */
public record Keybindings(String toggleUi, String toggleExits) {

    public static final String DEFAULT_TOGGLE_UI = "F10";
    public static final String DEFAULT_TOGGLE_EXITS = "F11";

    private static final Pattern FUNCTION_KEY = Pattern.compile("F([1-9]|1[0-9]|2[0-4])");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[A-Z0-9]");
    private static final Set<String> NAMED_KEYS = Set.of("INSERT", "DELETE", "HOME", "END", "PAGE_UP", "PAGE_DOWN",
            "PAUSE", "SCROLL_LOCK", "TAB", "BACKSPACE", "GRAVE_ACCENT");

    static final String ACCEPTED = "F1-F24, a letter, a digit, or one of INSERT, DELETE, HOME, END, PAGE_UP, "
            + "PAGE_DOWN, PAUSE, SCROLL_LOCK, TAB, BACKSPACE, GRAVE_ACCENT";

    /** The canonical name of a key written in the config, or empty when we do not know that key. */
    static Optional<String> normalize(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT);
        if (FUNCTION_KEY.matcher(key).matches() || LETTER_OR_DIGIT.matcher(key).matches() || NAMED_KEYS.contains(key)) {
            return Optional.of(key);
        }
        return Optional.empty();
    }
}
