package com.speedfog.racing.query.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * How a set of runs (one seed's, one pool's) went: how many finished and in what times, and when they
 * reached each layer (definitions in {@link SplitStatistics}).
 *
 * @param finishMs      final times of the finishers; null when nobody finished
 * @param layerArrivals layer (from 1) → IGTs at which runs first reached it
 */
public record SplitSummary(int runs,
                           int finishers,
                           @JsonProperty("finish_ms") Distribution finishMs,
                           @JsonProperty("layer_arrivals") Map<Integer, Distribution> layerArrivals) {

    @JsonProperty("finish_rate")
    public double finishRate() {
        return runs == 0 ? 0 : (double) finishers / runs;
    }
}
