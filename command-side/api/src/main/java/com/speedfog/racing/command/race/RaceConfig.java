package com.speedfog.racing.command.race;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The organizer's options for a race.
 *
 * @param showFinishedNames   whether players still running see who finished
 * @param maxParticipants     roster limit (1..MAX_ROSTER)
 * @param countdownSeconds    length of the "start now" countdown (3..600)
 * @param publicRace          listed on the home page and watchable by anyone with the link
 * @param openRegistration    players may join and leave by themselves while the race is OPEN
 */
public record RaceConfig(
        @JsonProperty("show_finished_names") boolean showFinishedNames,
        @JsonProperty("max_participants") int maxParticipants,
        @JsonProperty("countdown_seconds") int countdownSeconds,
        @JsonProperty("public") boolean publicRace,
        @JsonProperty("open_registration") boolean openRegistration) {

    public static final int MAX_ROSTER = 100;
    public static final int MIN_COUNTDOWN = 3;
    public static final int MAX_COUNTDOWN = 600;

    public static RaceConfig defaults() {
        return new RaceConfig(true, 16, 10, true, false);
    }

    /** @return why this config is unusable, or null when it is fine */
    public String problem() {
        if (maxParticipants < 1 || maxParticipants > MAX_ROSTER) {
            return "max_participants must be between 1 and " + MAX_ROSTER + " (was " + maxParticipants + ")";
        }
        if (countdownSeconds < MIN_COUNTDOWN || countdownSeconds > MAX_COUNTDOWN) {
            return "countdown_seconds must be between " + MIN_COUNTDOWN + " and " + MAX_COUNTDOWN
                    + " (was " + countdownSeconds + ")";
        }
        return null;
    }
}
