package com.speedfog.racing.seeds.graph;

/**
 * What a pool listing needs to know about a seed without keeping its whole graph in memory.
 *
 * @param version     graph.json's {@code version} ("3.0", "4.1", ...); empty when absent
 * @param seedNumber  SpeedFog's seed number
 * @param totalLayers number of layers, start and final included
 * @param nodeCount   number of nodes
 * @param hasEventMap whether the graph maps event flags to nodes (v4), so mods may report flags
 */
public record SeedSummary(String version, long seedNumber, int totalLayers, int nodeCount, boolean hasEventMap) {
}
