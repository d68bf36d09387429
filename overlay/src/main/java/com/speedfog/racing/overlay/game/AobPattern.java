package com.speedfog.racing.overlay.game;

import java.util.Arrays;
import java.util.Locale;

/**
 * A byte signature with wildcards, written like {@code "48 8B 05 ?? ?? ?? ?? 48 85 C0"} ("?" and
 * "??" both mean any byte).
 */
public final class AobPattern {

    private final String text;
    private final byte[] bytes;
    private final boolean[] fixed;

    private AobPattern(String text, byte[] bytes, boolean[] fixed) {
        this.text = text;
        this.bytes = bytes;
        this.fixed = fixed;
    }

    public static AobPattern parse(String text) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        byte[] bytes = new byte[tokens.length];
        boolean[] fixed = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("?") || token.equals("??")) {
                continue;
            }
            if (token.length() != 2) {
                throw new IllegalArgumentException("bad byte '" + token + "' in pattern: " + text);
            }
            try {
                bytes[i] = (byte) Integer.parseInt(token, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad byte '" + token + "' in pattern: " + text, e);
            }
            fixed[i] = true;
        }
        if (!fixed[0]) {
            throw new IllegalArgumentException("a pattern must start with a fixed byte: " + text);
        }
        return new AobPattern(text.trim().toUpperCase(Locale.ROOT), bytes, fixed);
    }

    public int length() {
        return bytes.length;
    }

    /** The first byte, always fixed: the scanner indexes patterns by it. */
    public int firstByte() {
        return bytes[0] & 0xFF;
    }

    public boolean isWildcard(int index) {
        return !fixed[index];
    }

    /** The pattern's fixed bytes (wildcards as zero). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True when the pattern matches {@code data} starting at {@code offset} (which must leave room for it). */
    public boolean matchesAt(byte[] data, int offset) {
        for (int i = 0; i < bytes.length; i++) {
            if (fixed[i] && data[offset + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AobPattern that && Arrays.equals(bytes, that.bytes) && Arrays.equals(fixed, that.fixed);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Arrays.hashCode(fixed);
    }

    @Override
    public String toString() {
        return text;
    }
}
