package com.speedfog.racing.seeds.synthetic;

/**
 * The size of a synthetic seed.
 *
 * @param totalLayers layers from the start (layer 0) to the final boss (last layer), 3 to 40
 * @param maxWidth    most nodes on one layer, 1 to 4
 */
public record SeedShape(int totalLayers, int maxWidth) {

    /** About the size of the real sample seed: 13 layers, up to 3 nodes wide. */
    public static final SeedShape DEFAULT = new SeedShape(13, 3);

    public static final int MIN_LAYERS = 3;
    public static final int MAX_LAYERS = 40;
    public static final int MAX_WIDTH = 4;

    public SeedShape {
        if (totalLayers < MIN_LAYERS || totalLayers > MAX_LAYERS) {
            throw new IllegalArgumentException("totalLayers must be from " + MIN_LAYERS + " (start, one zone, final"
                    + " boss) to " + MAX_LAYERS + " (was " + totalLayers + ")");
        }
        if (maxWidth < 1 || maxWidth > MAX_WIDTH) {
            throw new IllegalArgumentException("maxWidth must be from 1 to " + MAX_WIDTH + " (was " + maxWidth + ")");
        }
    }
}
