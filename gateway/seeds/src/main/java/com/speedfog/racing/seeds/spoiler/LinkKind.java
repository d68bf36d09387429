package com.speedfog.racing.seeds.spoiler;

/** How two zones are joined in a FogRando seed. */
public enum LinkKind {
    /** A fog gate or warp the randomizer connected: what exploring discovers. */
    RANDOM,
    /** A way the game itself has (a door, a drop, a lift), listed for the route. */
    PREEXISTING;

    /** The wire name: {@code random}, {@code preexisting} (spec §8.1 {@code connection_type}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but the two wire names */
    public static LinkKind fromWire(String name) {
        for (LinkKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("connection_type must be 'random' or 'preexisting' (was '" + name + "')");
    }
}
