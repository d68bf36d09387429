package com.speedfog.racing.seeds.pool;

/** How a seed is stored in its pool. */
public enum SeedKind {
    /** A folder holding graph.json and the mod files. */
    FOLDER,
    /** A .zip file holding graph.json and the mod files. */
    ZIP
}
