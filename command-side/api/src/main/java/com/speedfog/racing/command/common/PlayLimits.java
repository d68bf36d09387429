package com.speedfog.racing.command.common;

import java.time.Duration;

/**
 * The time limits the platform enforces on a race or a run, recorded when it is created so that a
 * later change of the server's settings never rewrites the rules of something already under way.
 *
 * @param maxDuration        a race (from GO) or a training run (from creation, then from its start)
 *                           past this closes; players still running are DNF. Null: no limit
 * @param inactivityTimeout  a running player whose run stored no progress (IGT, gate, death) for this
 *                           long is abandoned. Null: never
 * @param inactivityWarning  how long before that abandon the player is warned (shorter than the timeout)
 */
public record PlayLimits(Duration maxDuration, Duration inactivityTimeout, Duration inactivityWarning) {

    private static final PlayLimits NONE = new PlayLimits(null, null, null);

    /** Nothing enforced (races created before limits existed). */
    public static PlayLimits none() {
        return NONE;
    }

    /** @return why these limits are unusable, or null when they are fine */
    public String problem() {
        if (maxDuration != null && maxDuration.compareTo(Duration.ofMinutes(1)) < 0) {
            return "the maximum duration must be at least a minute (was " + maxDuration + ")";
        }
        if (inactivityTimeout == null) {
            return inactivityWarning == null ? null : "an inactivity warning needs an inactivity timeout";
        }
        if (inactivityTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            return "the inactivity timeout must be at least a minute (was " + inactivityTimeout + ")";
        }
        if (inactivityWarning != null && (inactivityWarning.isNegative() || inactivityWarning.compareTo(inactivityTimeout) >= 0)) {
            return "the inactivity warning must come before the timeout (warning " + inactivityWarning + ", timeout "
                    + inactivityTimeout + ")";
        }
        return null;
    }

    /** The warning lead, zero when there is none. */
    public Duration warningLead() {
        return inactivityWarning == null ? Duration.ZERO : inactivityWarning;
    }
}
