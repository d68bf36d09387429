package com.speedfog.racing.seeds.pool;

import com.speedfog.racing.seeds.graph.SeedSummary;

import java.nio.file.Path;

/**
 * A usable seed found in a pool.
 *
 * @param id          stable id {@code <pool>/<folder or file name>}, e.g. {@code standard/seed_123.zip}; the same
 *                    whether the seed sits directly in the pool folder or under its {@code available/} folder
 * @param pool        the pool's name (its folder name)
 * @param path        the seed folder or zip file
 * @param kind        folder or zip
 * @param contentRoot where graph.json sits inside the seed: {@code ""} at the root, else {@code "<folder>/"}
 * @param summary     seed number, layers and node count read from its graph.json
 */
public record Seed(String id, String pool, Path path, SeedKind kind, String contentRoot, SeedSummary summary) {

    /** The path of graph.json inside the seed, with '/' separators. */
    public String graphEntry() {
        return contentRoot + "graph.json";
    }
}
