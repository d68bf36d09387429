package com.speedfog.racing.seeds.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a pools root folder:
 * <pre>
 * pools/
 *   standard/                 a pool: a folder with config.toml
 *     config.toml
 *     seed_1/graph.json ...   a folder seed
 *     seed_2.zip              a zip seed
 *     available/seed_3.zip    seeds may also sit under available/ (design document layout)
 * </pre>
 * Nothing is thrown for a bad pool or seed: each is reported with its reason, and the rest are still listed.
 */
public final class PoolScanner {

    /** Folder of a pool holding seeds, as in the design document; scanned like the pool folder itself. */
    public static final String AVAILABLE_FOLDER = "available";
    /** Folders of the design document's layout that hold used seeds; the server tracks seed states itself. */
    private static final Set<String> NOT_SCANNED = Set.of("consumed", "discarded");

    private PoolScanner() {
    }

    /**
     * @throws IllegalArgumentException when {@code root} is not a folder
     * @throws UncheckedIOException     when the root folder itself cannot be listed
     */
    public static ScanResult scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("pools folder " + root.toAbsolutePath()
                    + " does not exist or is not a folder: create it or configure the right path");
        }
        List<Pool> pools = new ArrayList<>();
        List<Seed> seeds = new ArrayList<>();
        List<RejectedPool> rejectedPools = new ArrayList<>();
        List<RejectedSeed> rejectedSeeds = new ArrayList<>();
        for (Path folder : children(root)) {
            String name = folder.getFileName().toString();
            if (name.startsWith(".") || !Files.isDirectory(folder)) {
                continue;
            }
            if (Files.isSymbolicLink(folder)) {
                rejectedPools.add(new RejectedPool(name, folder, "the pool folder is a symbolic link: put the pool"
                        + " folder itself in the pools folder"));
                continue;
            }
            Path configFile = folder.resolve(PoolConfig.FILE_NAME);
            if (!Files.exists(configFile, LinkOption.NOFOLLOW_LINKS)) {
                rejectedPools.add(new RejectedPool(name, folder, "no " + PoolConfig.FILE_NAME + ", so this folder is"
                        + " not a pool: add one with at least display_name = \"...\""));
                continue;
            }
            PoolConfig config;
            try {
                config = PoolConfig.read(configFile);
            } catch (InvalidPoolConfigException e) {
                rejectedPools.add(new RejectedPool(name, folder, e.getMessage()));
                continue;
            }
            List<Seed> poolSeeds = new ArrayList<>();
            List<RejectedSeed> poolRejected = new ArrayList<>();
            try {
                scanPool(name, folder, poolSeeds, poolRejected);
            } catch (UncheckedIOException e) {
                rejectedPools.add(new RejectedPool(name, folder, e.getMessage()));
                continue;
            }
            pools.add(new Pool(name, folder, config));
            seeds.addAll(poolSeeds);
            rejectedSeeds.addAll(poolRejected);
        }
        seeds.sort(Comparator.comparing(Seed::id));
        rejectedSeeds.sort(Comparator.comparing(RejectedSeed::id));
        return new ScanResult(pools, seeds, rejectedPools, rejectedSeeds);
    }

    private static void scanPool(String pool, Path folder, List<Seed> seeds, List<RejectedSeed> rejected) {
        Set<String> ids = new HashSet<>();
        List<Path> candidates = new ArrayList<>(children(folder));
        Path available = folder.resolve(AVAILABLE_FOLDER);
        if (Files.isDirectory(available, LinkOption.NOFOLLOW_LINKS)) {
            candidates.addAll(children(available));
        }
        for (Path candidate : candidates) {
            String name = candidate.getFileName().toString();
            if (!looksLikeSeed(candidate, name)) {
                continue;
            }
            String id = pool + "/" + name;
            if (!ids.add(id)) {
                rejected.add(new RejectedSeed(id, pool, candidate, "seed id '" + id + "' is used twice (in the pool"
                        + " folder and in " + AVAILABLE_FOLDER + "/): rename or remove one"));
                continue;
            }
            if (Files.isSymbolicLink(candidate)) {
                rejected.add(new RejectedSeed(id, pool, candidate, "the seed is a symbolic link: put the seed itself in"
                        + " the pool folder"));
                continue;
            }
            SeedKind kind = Files.isDirectory(candidate) ? SeedKind.FOLDER : SeedKind.ZIP;
            try {
                SeedInspector.Inspection found = SeedInspector.inspect(candidate, kind);
                seeds.add(new Seed(id, pool, candidate, kind, found.contentRoot(), found.graph().summary()));
            } catch (SeedRejectedException e) {
                rejected.add(new RejectedSeed(id, pool, candidate, e.getMessage()));
            }
        }
    }

    /** Sub-folders and .zip files are seeds; the config, other files, hidden and reserved names are not. */
    private static boolean looksLikeSeed(Path candidate, String name) {
        if (name.startsWith(".")) {
            return false;
        }
        if (Files.isDirectory(candidate)) { // a link to a folder counts too, and is then refused as a link
            return !name.equals(AVAILABLE_FOLDER) && !NOT_SCANNED.contains(name);
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
