package com.speedfog.racing.query.race;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A race's options as viewers see them. */
public record RaceOptions(
        @JsonProperty("show_finished_names") boolean showFinishedNames,
        @JsonProperty("max_participants") int maxParticipants,
        @JsonProperty("countdown_seconds") int countdownSeconds,
        @JsonProperty("public") boolean publicRace,
        @JsonProperty("open_registration") boolean openRegistration) {
}
