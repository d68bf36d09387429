package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.seeds.graph.SeedGraph;

import java.util.Optional;

/** The parsed graph of a seed, by seed id (the pool service keeps them). */
public interface SeedGraphs {
    Optional<SeedGraph> graph(String seedId);

    /** The raw graph.json, for spectators' pages. */
    Optional<String> graphJson(String seedId);
}
