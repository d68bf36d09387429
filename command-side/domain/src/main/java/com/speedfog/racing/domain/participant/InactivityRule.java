package com.speedfog.racing.domain.participant;

import com.speedfog.racing.command.common.PlayLimits;

import java.time.Instant;

/**
 * When a silent runner is warned and abandoned: abandoned {@code inactivityTimeout} after their last
 * stored progress, warned {@code inactivityWarning} before that.
 */
record InactivityRule(PlayLimits limits, Instant silentSince) {

    Instant abandonAt() {
        return silentSince.plus(limits.inactivityTimeout());
    }

    Instant warnAt() {
        return abandonAt().minus(limits.warningLead());
    }

    boolean abandonDue(Instant now) {
        return !now.isBefore(abandonAt());
    }

    boolean warningDue(Instant now) {
        return limits.inactivityWarning() != null && !now.isBefore(warnAt());
    }

    /** The next moment worth looking: the warning, else the abandon; always after {@code now}. */
    Instant nextCheck(Instant now) {
        Instant next = now.isBefore(warnAt()) ? warnAt() : abandonAt();
        return next.isAfter(now) ? next : now.plusSeconds(1);
    }
}
