package com.speedfog.racing.overlay.window;

import java.util.Map;
import java.util.OptionalInt;

import static org.lwjgl.glfw.GLFW.*;

/** GLFW key codes for the key names a config may use ("F10", "A", "7", "PAGE_UP", ...; see Keybindings). */
public final class KeyCodes {

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("INSERT", GLFW_KEY_INSERT), Map.entry("DELETE", GLFW_KEY_DELETE),
            Map.entry("HOME", GLFW_KEY_HOME), Map.entry("END", GLFW_KEY_END),
            Map.entry("PAGE_UP", GLFW_KEY_PAGE_UP), Map.entry("PAGE_DOWN", GLFW_KEY_PAGE_DOWN),
            Map.entry("PAUSE", GLFW_KEY_PAUSE), Map.entry("SCROLL_LOCK", GLFW_KEY_SCROLL_LOCK),
            Map.entry("TAB", GLFW_KEY_TAB), Map.entry("BACKSPACE", GLFW_KEY_BACKSPACE),
            Map.entry("GRAVE_ACCENT", GLFW_KEY_GRAVE_ACCENT));

    private KeyCodes() {
    }

    /** The GLFW key for a (validated, upper-case) config key name, empty for an unknown name. */
    public static OptionalInt glfwKey(String name) {
        if (name.length() == 1 && (Character.isDigit(name.charAt(0)) || (name.charAt(0) >= 'A' && name.charAt(0) <= 'Z'))) {
            return OptionalInt.of(name.charAt(0)); // GLFW uses ASCII for letters and digits
        }
        if (name.matches("F([1-9]|1[0-9]|2[0-4])")) {
            return OptionalInt.of(GLFW_KEY_F1 + Integer.parseInt(name.substring(1)) - 1);
        }
        Integer named = NAMED.get(name);
        return named == null ? OptionalInt.empty() : OptionalInt.of(named);
    }
}
