package com.speedfog.racing.tools.pool;

import com.speedfog.racing.seeds.pool.PoolConfig;
import com.speedfog.racing.seeds.synthetic.SeedShape;
import com.speedfog.racing.seeds.synthetic.SyntheticSeed;
import com.speedfog.racing.seeds.synthetic.SyntheticSeedGenerator;
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
import java.util.concurrent.Callable;

/**
 * Puts new seeds into a pool folder. {@code --synthetic} makes realistic seeds without the game (a
 * layered DAG over real zone names from FogRando's fog.txt, graph.json v4).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate seeds into a pool (--synthetic: without the game).")
public class PoolGenerateCommand implements Callable<Integer> {

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

    @Option(names = "--first-seed", description = "Seed number of the first seed (default: random).")
    Long firstSeed;

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
            String speedfog = System.getenv("SPEEDFOG_PATH");
            out.println(speedfog == null || speedfog.isBlank()
                    ? "SPEEDFOG_PATH is not set: real seeds need the SpeedFog generator and the game files. "
                    + "Use --synthetic to make seeds without them."
                    : "Running the SpeedFog generator is not supported by this version; use --synthetic.");
            return 1;
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
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("seeds").setInitialMax(count)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(line -> {
                    out.print('\r' + line);
                    out.flush();
                })).build()) {
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
}
