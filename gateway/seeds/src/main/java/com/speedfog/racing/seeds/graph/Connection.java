package com.speedfog.racing.seeds.graph;

import java.util.OptionalLong;

/**
 * A fog gate of the seed as graph.json's {@code connections} list it: leaving zone {@code exitArea} through
 * {@code exitGate}, arriving in zone {@code entranceArea} through {@code entranceGate}.
 *
 * @param flagId the event flag the SpeedFog mod sets on crossing it (graph v4); empty in v3 graphs
 */
public record Connection(String exitArea, String exitGate, String entranceArea, String entranceGate, OptionalLong flagId) {
}
