package com.speedfog.racing.seeds.pool;

import java.nio.file.Path;

/** A folder or zip in a pool that cannot be raced, with the reason a person can act on. */
public record RejectedSeed(String id, String pool, Path path, String reason) {
}
