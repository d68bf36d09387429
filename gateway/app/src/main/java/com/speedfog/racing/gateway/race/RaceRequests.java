package com.speedfog.racing.gateway.race;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.speedfog.racing.command.race.RaceConfig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of the race endpoints (snake_case JSON, as PROTOCOL.md). */
final class RaceRequests {
    private RaceRequests() {
    }

    /** Options as sent by clients: anything left out takes the default. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Options(Boolean showFinishedNames, Integer maxParticipants, Integer countdownSeconds,
                   @com.fasterxml.jackson.annotation.JsonProperty("public") Boolean publicRace, Boolean openRegistration) {

        RaceConfig over(RaceConfig base) {
            return new RaceConfig(
                    showFinishedNames == null ? base.showFinishedNames() : showFinishedNames,
                    maxParticipants == null ? base.maxParticipants() : maxParticipants,
                    countdownSeconds == null ? base.countdownSeconds() : countdownSeconds,
                    publicRace == null ? base.publicRace() : publicRace,
                    openRegistration == null ? base.openRegistration() : openRegistration);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateRace(String name, String poolName, Options config, Instant scheduledStart) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateRace(String name, Options config) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AddParticipant(String twitchUsername) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StartRace(Instant scheduledStart, Integer inSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(UUID id) {
    }

    /** Either the player was registered, or an invite was made for someone who never logged in. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ParticipantAdded(UUID participantId, String inviteUrl, String twitchUsername) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Pack(UUID participantId, String displayName, String downloadUrl) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Packs(UUID raceId, List<Pack> packs) {
    }
}
