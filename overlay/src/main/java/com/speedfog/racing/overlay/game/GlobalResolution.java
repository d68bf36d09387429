package com.speedfog.racing.overlay.game;

import java.util.OptionalLong;

/** Where a global lives (the address of its pointer slot), or why it was not found. */
public record GlobalResolution(GameGlobal global, OptionalLong slotAddress, String detail) {

    public boolean found() {
        return slotAddress.isPresent();
    }
}
