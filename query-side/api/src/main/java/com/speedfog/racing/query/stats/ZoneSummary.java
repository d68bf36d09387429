package com.speedfog.racing.query.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the runs that went through one zone did there (definitions in {@link ZoneStatistics}).
 *
 * @param spentMs time spent by the runs that cleared it; null when none did
 */
public record ZoneSummary(String zone,
                          int entries,
                          int runs,
                          int deaths,
                          int cleared,
                          @JsonProperty("dead_ends") int deadEnds,
                          @JsonProperty("spent_ms") Distribution spentMs) {

    /** Dead ends over runs that entered, 0..1. */
    @JsonProperty("dead_end_rate")
    public double deadEndRate() {
        return runs == 0 ? 0 : (double) deadEnds / runs;
    }

    @JsonProperty("deaths_per_run")
    public double deathsPerRun() {
        return runs == 0 ? 0 : (double) deaths / runs;
    }
}
