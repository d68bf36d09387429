package com.speedfog.racing.overlay.game;

/** The player's position, relative to the current map tile. */
public record Position(float x, float y, float z) {

    @Override
    public String toString() {
        return String.format("(%.2f, %.2f, %.2f)", x, y, z);
    }
}
