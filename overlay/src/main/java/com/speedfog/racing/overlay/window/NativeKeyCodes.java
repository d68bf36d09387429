package com.speedfog.racing.overlay.window;

import java.util.Map;
import java.util.OptionalLong;

/** The operating systems' own codes for the config's key names: Windows virtual keys and X11 keysyms. */
public final class NativeKeyCodes {

    private static final Map<String, Long> WINDOWS = Map.ofEntries(
            Map.entry("INSERT", 0x2DL), Map.entry("DELETE", 0x2EL), Map.entry("HOME", 0x24L), Map.entry("END", 0x23L),
            Map.entry("PAGE_UP", 0x21L), Map.entry("PAGE_DOWN", 0x22L), Map.entry("PAUSE", 0x13L),
            Map.entry("SCROLL_LOCK", 0x91L), Map.entry("TAB", 0x09L), Map.entry("BACKSPACE", 0x08L),
            Map.entry("GRAVE_ACCENT", 0xC0L));
    private static final Map<String, Long> X11 = Map.ofEntries(
            Map.entry("INSERT", 0xFF63L), Map.entry("DELETE", 0xFFFFL), Map.entry("HOME", 0xFF50L),
            Map.entry("END", 0xFF57L), Map.entry("PAGE_UP", 0xFF55L), Map.entry("PAGE_DOWN", 0xFF56L),
            Map.entry("PAUSE", 0xFF13L), Map.entry("SCROLL_LOCK", 0xFF14L), Map.entry("TAB", 0xFF09L),
            Map.entry("BACKSPACE", 0xFF08L), Map.entry("GRAVE_ACCENT", 0x60L));

    private NativeKeyCodes() {
    }

    /** Windows virtual-key code (VK_F10 = 0x79, 'A' = 0x41, ...). */
    public static OptionalLong windowsVirtualKey(String name) {
        return code(name, 0x70, 'A', WINDOWS);
    }

    /** X11 keysym (XK_F10 = 0xFFC7, XK_a = 0x61, ...). */
    public static OptionalLong x11KeySym(String name) {
        return code(name, 0xFFBE, 'a', X11);
    }

    private static OptionalLong code(String name, long f1, char letterA, Map<String, Long> named) {
        if (name.matches("F([1-9]|1[0-9]|2[0-4])")) {
            return OptionalLong.of(f1 + Integer.parseInt(name.substring(1)) - 1);
        }
        if (name.length() == 1 && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z') {
            return OptionalLong.of(letterA + (name.charAt(0) - 'A'));
        }
        if (name.length() == 1 && Character.isDigit(name.charAt(0))) {
            return OptionalLong.of(name.charAt(0)); // '0'..'9' on both systems
        }
        Long code = named.get(name);
        return code == null ? OptionalLong.empty() : OptionalLong.of(code);
    }
}
