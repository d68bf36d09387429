package com.speedfog.racing.seeds.demo;

import com.speedfog.racing.seeds.pool.PoolConfig;
import com.speedfog.racing.seeds.synthetic.SeedShape;
import com.speedfog.racing.seeds.synthetic.SyntheticSeedGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives a new installation something to race: a pool {@code demo} with the two real SpeedFog sample graphs
 * (v3 and v4) and four synthetic seeds, so several races can be created at once. None of them holds mod
 * files: they exercise the platform, not the game.
 */
public final class DemoPool {

    public static final String POOL_NAME = "demo";

    /** Seed numbers and shapes of the synthetic demo seeds: short to long races. */
    static final List<SyntheticDemoSeed> SYNTHETIC_SEEDS = List.of(
            new SyntheticDemoSeed(1001, new SeedShape(8, 2)),
            new SyntheticDemoSeed(1002, new SeedShape(10, 3)),
            new SyntheticDemoSeed(1003, new SeedShape(13, 3)),
            new SyntheticDemoSeed(1004, new SeedShape(16, 4)));

    record SyntheticDemoSeed(long seedNumber, SeedShape shape) {
    }

    private record RealSample(String resource, String folder, String version) {
    }

    private static final List<RealSample> REAL_SAMPLES = List.of(
            new RealSample("sample_graph_v3.json", "speedfog_sample_v3", "3"),
            new RealSample("sample_graph_v4.json", "speedfog_sample_v4", "4"));

    private static final String CONFIG = """
            # The demo pool, created because the pools folder was empty. Delete this folder once you have
            # pools of your own; it is only created again when no pool exists.
            display_name = "Demo"
            description = "Example seeds to try the platform: create races, hand out seed packs, watch simulated runs. They hold only graph.json (two real SpeedFog graphs and four synthetic ones), no mod files, so they cannot be played in ELDEN RING."
            estimated_duration = "~1h"

            [settings]
            seeds = "2 real SpeedFog sample graphs (v3, v4), 4 synthetic"
            layers = "8 to 16"
            playable_in_game = false
            """;

    private DemoPool() {
    }

    /**
     * Creates the demo pool when {@code poolsRoot} has no pool (no sub-folder with a config.toml) and no
     * {@code demo} folder; creates {@code poolsRoot} if needed. The pool is assembled under a hidden name and
     * renamed at the end, so a scan never sees half of it.
     *
     * @return whether the demo pool was created
     */
    public static boolean install(Path poolsRoot) throws IOException {
        Files.createDirectories(poolsRoot);
        Path target = poolsRoot.resolve(POOL_NAME);
        if (Files.exists(target) || hasAnyPool(poolsRoot)) {
            return false;
        }
        Path partial = poolsRoot.resolve("." + POOL_NAME + ".partial");
        deleteRecursively(partial);
        Files.createDirectory(partial);
        try {
            fill(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // someone else installed it meanwhile
        } finally {
            deleteRecursively(partial);
        }
    }

    private static void fill(Path pool) throws IOException {
        Files.writeString(pool.resolve(PoolConfig.FILE_NAME), CONFIG, StandardCharsets.UTF_8);
        for (RealSample sample : REAL_SAMPLES) {
            Path seed = Files.createDirectory(pool.resolve(sample.folder()));
            Files.write(seed.resolve("graph.json"), DemoFiles.resource(sample.resource()));
            Files.writeString(seed.resolve("README.txt"), realReadme(sample.version()), StandardCharsets.UTF_8);
        }
        SyntheticSeedGenerator generator = SyntheticSeedGenerator.withBundledFogData();
        for (SyntheticDemoSeed seed : SYNTHETIC_SEEDS) {
            generator.generate(seed.seedNumber(), seed.shape()).writeInto(pool);
        }
    }

    private static boolean hasAnyPool(Path poolsRoot) throws IOException {
        try (Stream<Path> children = Files.list(poolsRoot)) {
            return children.anyMatch(child -> !child.getFileName().toString().startsWith(".")
                    && Files.isRegularFile(child.resolve(PoolConfig.FILE_NAME)));
        }
    }

    private static String realReadme(String version) {
        return """
                SpeedFog sample seed (graph.json version %s)
                ==========================================

                A real graph produced by SpeedFog, shipped as a demo. Only graph.json is here, not the mod
                files SpeedFog writes next to it, so this seed cannot be played in ELDEN RING; it lets you try
                races, seed packs and the overlay's simulated game.
                """.formatted(version);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
