package com.speedfog.racing.query.viewer;

import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSummary;

import java.util.Optional;

/** What a {@link Viewer} is to one race, at this moment (a racer becomes {@link #FINISHED} when their run ends). */
public enum RaceRole {
    /** Not logged in. */
    ANONYMOUS,
    /** Logged in, not on this race's roster, neither its organizer nor an admin. */
    SPECTATOR,
    /** On the roster and still racing (registered, ready or playing, not closed): spared every spoiler. */
    RACING,
    /** On the roster and done: finished, abandoned, disqualified, or closed by the race. */
    FINISHED,
    /** The race's organizer (and not racing in it). */
    ORGANIZER,
    /** An administrator (and not racing in it). */
    ADMIN;

    /**
     * @param own the viewer's own participation in this race, if they are on its roster; a participant
     *            still racing is {@link #RACING} whatever else they are (an organizer racing their own race too)
     */
    public static RaceRole of(Viewer viewer, RaceSummary race, Optional<ParticipantView> own) {
        if (own.isPresent() && !own.get().runOver()) {
            return RACING;
        }
        if (viewer.admin()) {
            return ADMIN;
        }
        if (viewer.userId() != null && viewer.userId().equals(race.organizerId())) {
            return ORGANIZER;
        }
        if (own.isPresent()) {
            return FINISHED;
        }
        return viewer.anonymous() ? ANONYMOUS : SPECTATOR;
    }
}
