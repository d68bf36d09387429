package com.speedfog.racing.seeds.pool;

import com.speedfog.racing.seeds.graph.InvalidSeedGraphException;
import com.speedfog.racing.seeds.graph.SeedGraph;

/**
 * Reads the full graph of a seed found by the {@link PoolScanner}. A scan keeps only summaries, so a server
 * with many seeds loads (and may cache) the graphs of the seeds being raced.
 */
public final class SeedGraphLoader {

    private SeedGraphLoader() {
    }

    /**
     * @throws InvalidSeedGraphException when the seed changed since the scan and is no longer usable; the
     *                                   message names the seed and what is wrong
     */
    public static SeedGraph load(Seed seed) {
        try {
            return SeedInspector.inspect(seed.path(), seed.kind()).graph();
        } catch (SeedRejectedException e) {
            throw new InvalidSeedGraphException("seed " + seed.id() + ": " + e.getMessage(), e);
        }
    }
}
