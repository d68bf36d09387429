package com.speedfog.racing.query.race;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.UUID;

/** One race in a listing, and the head of its detail view. */
public record RaceSummary(
        UUID id,
        String name,
        @JsonProperty("organizer_id") String organizerId,
        @JsonProperty("pool_name") String poolName,
        @JsonProperty("seed_id") String seedId,
        String status,
        RaceOptions config,
        @JsonProperty("participant_count") int participantCount,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("scheduled_start") Instant scheduledStart,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("forced_by") String forcedBy) {
}
