package com.speedfog.racing.query.stats;

import java.util.Locale;

/**
 * How a run ended, once its race is over: finished, did not finish (still running when the race was
 * finished), abandoned, or disqualified.
 */
public enum RunOutcome {
    FINISHED, DNF, ABANDONED, DISQUALIFIED;

    /** The outcome of a participant whose status (any case) is this when the race is over. */
    public static RunOutcome ofFinalStatus(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "FINISHED" -> FINISHED;
            case "ABANDONED" -> ABANDONED;
            case "DISQUALIFIED" -> DISQUALIFIED;
            default -> DNF;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
