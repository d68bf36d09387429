package com.speedfog.racing.query.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a player, once its race is over: a line of their profile.
 *
 * @param kind        "race" (training and async runs will be other kinds)
 * @param pool        the pool of the seed: the rating category
 * @param endedAt     when the race finished
 * @param finishIgtMs final time; null unless finished
 * @param igtMs       the last IGT of the run
 * @param place       place in the race (ties share; every non-finisher shares the place after the last finisher)
 * @param entrants    how many ran
 */
public record PlayerRun(@JsonProperty("run_id") UUID runId,
                        String kind,
                        @JsonProperty("race_id") UUID raceId,
                        @JsonProperty("race_name") String raceName,
                        String pool,
                        @JsonProperty("seed_id") String seedId,
                        @JsonProperty("ended_at") Instant endedAt,
                        RunOutcome outcome,
                        @JsonProperty("finish_igt_ms") Long finishIgtMs,
                        @JsonProperty("igt_ms") long igtMs,
                        @JsonProperty("highest_layer") int highestLayer,
                        int deaths,
                        int place,
                        int entrants) {
}
