package com.speedfog.racing.seeds.pool;

import java.nio.file.Path;

/**
 * A pool: a folder of the pools root with a valid config.toml.
 *
 * @param name   the folder name, used in seed ids and by the server to refer to the pool
 * @param path   the pool folder
 * @param config what config.toml says
 */
public record Pool(String name, Path path, PoolConfig config) {
}
