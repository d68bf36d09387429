package com.speedfog.racing.query.race;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stay in one node of the seed graph.
 *
 * @param nodeId the node entered; null for the start, before the first fog gate
 * @param igtMs  in-game time of the entry
 * @param deaths deaths taken during this stay
 */
public record ZoneVisit(@JsonProperty("node_id") String nodeId, Integer layer, @JsonProperty("igt_ms") long igtMs,
                        int deaths) {
}
