package com.speedfog.racing.overlay.race;

import java.util.Locale;

/** The race's status as the server reports it ("open", "running", ...), or UNKNOWN before we heard. */
public enum RacePhase {
    UNKNOWN, DRAFT, OPEN, COUNTDOWN, RUNNING, FINISHED, CANCELLED;

    public static RacePhase fromWire(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Nothing more will be raced. */
    public boolean isOver() {
        return this == FINISHED || this == CANCELLED;
    }
}
