package com.speedfog.racing.overlay.game;

import java.util.Optional;

/** A map (tile) id, packed area.block.region.index, written like m60_42_36_00. */
public record MapId(long raw) {

    /** What the game stores while no map is loaded. */
    static final long LOADING = 0xFFFFFFFFL;

    public static Optional<MapId> fromRaw(long raw) {
        return raw == LOADING ? Optional.empty() : Optional.of(new MapId(raw & 0xFFFFFFFFL));
    }

    /** Reads {@code m60_42_36_00} back into an id. */
    public static MapId parse(String text) {
        if (text == null || !text.matches("m\\d{2}_\\d{2}_\\d{2}_\\d{2}")) {
            throw new IllegalArgumentException("not a map id: " + text);
        }
        String[] parts = text.substring(1).split("_");
        long raw = 0;
        for (String part : parts) {
            raw = raw << 8 | Integer.parseInt(part);
        }
        return new MapId(raw);
    }

    public int area() {
        return (int) (raw >>> 24) & 0xFF;
    }

    public int block() {
        return (int) (raw >>> 16) & 0xFF;
    }

    public int region() {
        return (int) (raw >>> 8) & 0xFF;
    }

    public int index() {
        return (int) raw & 0xFF;
    }

    @Override
    public String toString() {
        return String.format("m%02d_%02d_%02d_%02d", area(), block(), region(), index());
    }
}
