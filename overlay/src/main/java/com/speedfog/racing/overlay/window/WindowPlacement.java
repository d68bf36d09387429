package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.config.ScreenCorner;

/** Where the overlay window goes: in the chosen corner of the monitor's work area, a small margin away. */
public record WindowPlacement(int x, int y) {

    public static final int MARGIN = 16;

    public static WindowPlacement in(ScreenCorner corner, int areaX, int areaY, int areaWidth, int areaHeight,
                                     int width, int height) {
        boolean right = corner == ScreenCorner.TOP_RIGHT || corner == ScreenCorner.BOTTOM_RIGHT;
        boolean bottom = corner == ScreenCorner.BOTTOM_LEFT || corner == ScreenCorner.BOTTOM_RIGHT;
        int x = right ? areaX + areaWidth - width - MARGIN : areaX + MARGIN;
        int y = bottom ? areaY + areaHeight - height - MARGIN : areaY + MARGIN;
        return new WindowPlacement(Math.max(areaX, x), Math.max(areaY, y));
    }

    /** Where inside the window the panel is anchored (0 left/top, 1 right/bottom), so it hugs the screen corner. */
    public static float pivotX(ScreenCorner corner) {
        return corner == ScreenCorner.TOP_RIGHT || corner == ScreenCorner.BOTTOM_RIGHT ? 1f : 0f;
    }

    public static float pivotY(ScreenCorner corner) {
        return corner == ScreenCorner.BOTTOM_LEFT || corner == ScreenCorner.BOTTOM_RIGHT ? 1f : 0f;
    }
}
