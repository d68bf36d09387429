package com.speedfog.racing.query.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * A player's record over their runs (definitions in {@link PlayerStatistics}).
 *
 * @param personalBests pool → the run with the best final time in it
 * @param recentForm    the last runs, newest first
 */
public record PlayerSummary(int runs,
                            int finishes,
                            int wins,
                            int podiums,
                            int deaths,
                            @JsonProperty("personal_bests") Map<String, PlayerRun> personalBests,
                            @JsonProperty("recent_form") List<PlayerRun> recentForm) {

    @JsonProperty("finish_rate")
    public double finishRate() {
        return runs == 0 ? 0 : (double) finishes / runs;
    }

    @JsonProperty("deaths_per_run")
    public double deathsPerRun() {
        return runs == 0 ? 0 : (double) deaths / runs;
    }
}
