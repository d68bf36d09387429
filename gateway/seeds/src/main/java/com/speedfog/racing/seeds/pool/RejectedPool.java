package com.speedfog.racing.seeds.pool;

import java.nio.file.Path;

/** A folder of the pools root that is not a usable pool, with the reason a person can act on. */
public record RejectedPool(String name, Path path, String reason) {
}
