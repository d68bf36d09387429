package com.speedfog.racing.command.race;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How a race is run. {@code LIVE}: everyone starts together at GO. {@code ASYNC}: the race's start
 * opens a window of {@code window}; each player starts their own run inside it, with their own
 * countdown, until {@code lastStartBeforeClose} before the close (players may also join until then);
 * when the window closes the race finishes and the results are the finishers' in-game times.
 *
 * @param daily the day of the platform's daily race, or null for any other race (the daily race is
 *              created by the platform and left out of ratings)
 */
public record RaceFormat(Mode mode, Duration window, Duration lastStartBeforeClose, LocalDate daily) {

    public enum Mode { LIVE, ASYNC }

    public static final Duration MIN_WINDOW = Duration.ofMinutes(10);
    public static final Duration MAX_WINDOW = Duration.ofDays(14);

    private static final RaceFormat LIVE = new RaceFormat(Mode.LIVE, null, null, null);

    public static RaceFormat live() {
        return LIVE;
    }

    public static RaceFormat async(Duration window, Duration lastStartBeforeClose) {
        return new RaceFormat(Mode.ASYNC, window, lastStartBeforeClose, null);
    }

    public static RaceFormat daily(LocalDate day, Duration window, Duration lastStartBeforeClose) {
        return new RaceFormat(Mode.ASYNC, window, lastStartBeforeClose, day);
    }

    /** Events stored before formats existed have none: they were live races. */
    public static RaceFormat orLive(RaceFormat format) {
        return format == null ? LIVE : format;
    }

    public boolean async() {
        return mode == Mode.ASYNC;
    }

    /** Whether results count for ratings: every race but the daily one. */
    public boolean rated() {
        return daily == null;
    }

    /** @return why this format is unusable, or null when it is fine */
    public String problem() {
        if (mode == null) {
            return "the race format is missing (live or async)";
        }
        if (mode == Mode.LIVE) {
            return window == null && lastStartBeforeClose == null && daily == null ? null
                    : "a live race has no window: every player starts at GO";
        }
        if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            return "an async race's window must last between " + MIN_WINDOW.toMinutes() + " minutes and "
                    + MAX_WINDOW.toDays() + " days (was " + window + ")";
        }
        if (lastStartBeforeClose == null || lastStartBeforeClose.isNegative()
                || lastStartBeforeClose.compareTo(window) >= 0) {
            return "the last start must fall inside the window: between 0 and the window's length before the "
                    + "close (was " + lastStartBeforeClose + ")";
        }
        return null;
    }
}
