package com.speedfog.racing.tools.pool;

import com.speedfog.racing.seeds.pool.PoolConfig;
import com.speedfog.racing.seeds.synthetic.SeedShape;
import com.speedfog.racing.seeds.synthetic.SyntheticSeed;
import com.speedfog.racing.seeds.synthetic.SyntheticSeedGenerator;
import com.speedfog.racing.tools.common.Folders;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Puts new seeds into a pool folder: by running the SpeedFog generator with the pool's config.toml
 * (SPEEDFOG_PATH), or with {@code --synthetic} without the game (a layered DAG over real zone names from
 * FogRando's fog.txt, graph.json v4).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate seeds into a pool: runs the SpeedFog generator ('uv run speedfog <pool>/config.toml -o <dir>' "
                + "in SPEEDFOG_PATH) once per seed and moves each finished seed into the pool (its available/ folder when "
                + "there is one); --synthetic makes seeds without the game.",
                "Exit codes: 0 done, 1 the generator failed (seeds finished before stay; nothing half-made is left), "
                        + "2 bad usage, 3 SpeedFog is not set up (SPEEDFOG_PATH unset or wrong, pool without config.toml)."})
public class PoolGenerateCommand implements Callable<Integer> {

    static final int EXIT_GENERATOR_FAILED = 1;
    static final int EXIT_NOT_SET_UP = 3;

    @Option(names = "--pool", required = true, description = "Pool name (a folder under --root).")
    String pool;

    @Option(names = "--count", required = true, description = "How many seeds to make (1-1000).")
    int count;

    @Option(names = "--root", defaultValue = "${env:SPEEDFOG_POOLS_ROOT:-data/pools}",
            description = "Pools folder (default: SPEEDFOG_POOLS_ROOT or ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--synthetic", description = "Make seeds without the game, from fog.txt's zone names.")
    boolean synthetic;

    @Option(names = "--layers", defaultValue = "13", description = "Layers of a synthetic seed (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--width", defaultValue = "3", description = "Widest layer of a synthetic seed (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--first-seed", description = "Seed number of the first synthetic seed (default: random).")
    Long firstSeed;

    @Option(names = "--speedfog-path", defaultValue = "${env:SPEEDFOG_PATH}",
            description = "The SpeedFog checkout the generator runs in (default: the SPEEDFOG_PATH environment variable).")
    Path speedfogPath;

    @Option(names = "--generator", defaultValue = "uv run speedfog",
            description = "Command that runs SpeedFog; it gets '<config.toml> -o <output folder>' (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--timeout", defaultValue = "PT30M",
            description = "Stop a generator run that takes longer than this (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (count < 1 || count > 1000) {
            out.println("--count must be between 1 and 1000 (was " + count + ")");
            return 2;
        }
        if (!pool.matches("[A-Za-z0-9_-]{1,100}")) {
            out.println("--pool must be letters, digits, '-' or '_' (was '" + pool + "')");
            return 2;
        }
        if (!synthetic) {
            return generateReal(out);
        }
        SeedShape shape;
        try {
            shape = new SeedShape(layers, width);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        Path poolFolder = Files.createDirectories(root.resolve(pool));
        Path config = poolFolder.resolve(PoolConfig.FILE_NAME);
        if (!Files.exists(config)) {
            Files.writeString(config, "display_name = \"" + pool + "\"\n"
                    + "description = \"Synthetic seeds made by speedfog-tools (no game needed)\"\n"
                    + "estimated_duration = \"~1h\"\n\n[settings]\nsynthetic = true\nlayers = " + layers + "\n");
        }
        SyntheticSeedGenerator generator = SyntheticSeedGenerator.withBundledFogData();
        long first = firstSeed != null ? firstSeed : Math.abs(System.nanoTime() % 1_000_000_000L);
        try (ProgressBar bar = progressBar(out)) {
            for (int i = 0; i < count; i++) {
                SyntheticSeed seed = generator.generate(first + i, shape);
                seed.writeInto(poolFolder);
                bar.step();
            }
        }
        out.println();
        out.println("Wrote " + count + " synthetic seeds into " + poolFolder.toAbsolutePath()
                + ". Rescan the server's pools: speedfog-tools pool scan");
        return 0;
    }

    /** One generator run per seed; a failure stops there, keeping the seeds finished before it. */
    private int generateReal(PrintWriter out) throws IOException {
        if (speedfogPath == null || speedfogPath.toString().isBlank()) {
            out.println("SPEEDFOG_PATH is not set: real seeds need a SpeedFog checkout (with its game data) to run "
                    + "'uv run speedfog' in. Set SPEEDFOG_PATH (or --speedfog-path), or use --synthetic to make seeds without the game.");
            return EXIT_NOT_SET_UP;
        }
        if (!Files.isDirectory(speedfogPath)) {
            out.println("SPEEDFOG_PATH (" + speedfogPath.toAbsolutePath() + ") is not a folder: point it at the SpeedFog checkout.");
            return EXIT_NOT_SET_UP;
        }
        Path poolFolder = root.resolve(pool);
        Path config = poolFolder.resolve(PoolConfig.FILE_NAME);
        if (!Files.isRegularFile(config)) {
            out.println("Pool '" + pool + "' has no " + config.toAbsolutePath() + ": the generator takes its SpeedFog settings "
                    + "from there (display_name, description, estimated_duration and [settings]; see docs/seeds.md).");
            return EXIT_NOT_SET_UP;
        }
        List<String> command = List.of(generator.trim().split("\\s+"));
        if (command.get(0).isEmpty()) {
            out.println("--generator is empty");
            return 2;
        }
        // design.md: an available/ folder is where finished seeds go; without one, the pool folder itself.
        Path target = Files.isDirectory(poolFolder.resolve("available")) ? poolFolder.resolve("available") : poolFolder;
        SpeedFogGenerator speedfog = new SpeedFogGenerator(command, speedfogPath, timeout);
        List<String> placed = new ArrayList<>();
        try (ProgressBar bar = progressBar(out)) {
            for (int i = 0; i < count; i++) {
                SpeedFogGenerator.GeneratedSeed seed;
                try {
                    seed = speedfog.generate(config, target, line -> bar.setExtraMessage(" " + shorten(line)));
                } catch (SpeedFogGenerator.GeneratorFailure e) {
                    out.println();
                    out.println("Seed " + (i + 1) + " of " + count + ": " + e.getMessage());
                    out.println(summary(placed, target) + " Nothing of the failed run was kept.");
                    return EXIT_GENERATOR_FAILED;
                }
                placed.add(place(seed, target).getFileName().toString());
                bar.setExtraMessage(" " + placed.get(placed.size() - 1));
                bar.step();
            }
        }
        out.println();
        out.println(summary(placed, target) + " Rescan the server's pools: speedfog-tools pool scan");
        return 0;
    }

    /** Renames the finished output to seed_<number> in one step, so a scan sees the whole seed or nothing. */
    private static Path place(SpeedFogGenerator.GeneratedSeed seed, Path target) throws IOException {
        String name = "seed_" + seed.seedNumber();
        Path destination = target.resolve(name);
        for (int n = 2; Files.exists(destination) || Files.exists(target.resolve(destination.getFileName() + ".zip")); n++) {
            destination = target.resolve(name + "_" + n);
        }
        Files.move(seed.folder(), destination, StandardCopyOption.ATOMIC_MOVE);
        Folders.deleteQuietly(seed.folder().getParent());
        return destination;
    }

    private static String summary(List<String> placed, Path target) {
        return placed.isEmpty() ? "No seed was placed." : "Placed " + placed.size() + " seed(s) into "
                + target.toAbsolutePath() + ": " + String.join(", ", placed) + ".";
    }

    private static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    private ProgressBar progressBar(PrintWriter out) {
        return new ProgressBarBuilder().setTaskName("seeds").setInitialMax(count)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(line -> {
                    out.print('\r' + line);
                    out.flush();
                })).build();
    }
}
