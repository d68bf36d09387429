package com.speedfog.racing.seeds.pool;

import java.util.List;
import java.util.Optional;

/** Everything a scan of the pools root found, each list sorted by name or id. */
public record ScanResult(List<Pool> pools, List<Seed> seeds, List<RejectedPool> rejectedPools,
                         List<RejectedSeed> rejectedSeeds) {

    public ScanResult {
        pools = List.copyOf(pools);
        seeds = List.copyOf(seeds);
        rejectedPools = List.copyOf(rejectedPools);
        rejectedSeeds = List.copyOf(rejectedSeeds);
    }

    public Optional<Pool> pool(String name) {
        return pools.stream().filter(pool -> pool.name().equals(name)).findFirst();
    }

    public Optional<Seed> seed(String id) {
        return seeds.stream().filter(seed -> seed.id().equals(id)).findFirst();
    }

    public List<Seed> seedsOf(String poolName) {
        return seeds.stream().filter(seed -> seed.pool().equals(poolName)).toList();
    }
}
