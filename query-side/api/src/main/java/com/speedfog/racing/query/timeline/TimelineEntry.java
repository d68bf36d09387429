package com.speedfog.racing.query.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event of a race, for replay and export.
 *
 * @param sequence      the event's position in the store (global order)
 * @param participantId the participant it concerns, or null for a race event
 * @param type          the event's name, e.g. {@code ZoneEntered}
 * @param at            wall-clock time it was stored
 * @param igtMs         the player's in-game time, where the event has one
 * @param description   one plain sentence
 * @param data          the event's own fields, as JSON
 */
public record TimelineEntry(
        long sequence,
        @JsonProperty("race_id") UUID raceId,
        @JsonProperty("participant_id") UUID participantId,
        String type,
        Instant at,
        @JsonProperty("igt_ms") Long igtMs,
        String description,
        @JsonRawValue String data) {
}
