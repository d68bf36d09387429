package com.speedfog.racing.tools;

import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.ScanResult;
import com.speedfog.racing.seeds.synthetic.SeedShape;
import com.speedfog.racing.seeds.synthetic.SyntheticSeedGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pool generate} without --synthetic, against a real process: a shell script that behaves like the
 * SpeedFog CLI ({@code speedfog <config.toml> -o <dir>} run in the checkout, printing progress and writing
 * a seed folder with graph.json, mod files and a launcher).
 */
class PoolGenerateRealTest {

    /** Like SpeedFog: one seed per run, in a speedfog_<n> folder inside the output; 'fail_at' and 'no_graph' steer it. */
    static final String FAKE_SPEEDFOG = """
            #!/bin/sh
            config="$1"; out="$3"
            [ "$2" = "-o" ] || { echo "usage: speedfog CONFIG -o OUTPUT" >&2; exit 2; }
            [ -f "$config" ] || { echo "no such config: $config" >&2; exit 2; }
            n=$(cat counter 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > counter
            pwd > last_cwd
            echo "Loaded $config"
            echo "Generating DAG for seed $n..."
            mkdir -p "$out/speedfog_$n/mod" "$out/speedfog_$n/ModEngine"
            echo "regulation" > "$out/speedfog_$n/mod/regulation.bin"
            printf '@echo off\\r\\n' > "$out/speedfog_$n/launch_speedfog.bat"
            if [ "$(cat fail_at 2>/dev/null)" = "$n" ]; then echo "FogRando crashed: missing game files" >&2; exit 1; fi
            [ -f no_graph ] || cp "graphs/graph_$n.json" "$out/speedfog_$n/graph.json"
            echo "Seed $n written to $out"
            """;

    @TempDir
    Path root;
    @TempDir
    Path speedfog;

    @BeforeEach
    void fakeCheckout() throws IOException {
        Path script = speedfog.resolve("speedfog.sh");
        Files.writeString(script, FAKE_SPEEDFOG);
        Files.createDirectories(speedfog.resolve("graphs"));
        SyntheticSeedGenerator synthetic = SyntheticSeedGenerator.withBundledFogData();
        for (int n = 1; n <= 4; n++) {
            Files.writeString(speedfog.resolve("graphs/graph_" + n + ".json"),
                    synthetic.generate(500 + n, new SeedShape(8, 2)).graphJson());
        }
        Path pool = Files.createDirectories(root.resolve("standard/available"));
        Files.writeString(root.resolve("standard/config.toml"), "display_name = \"Standard\"\n[settings]\nlayers = 8\n");
        assertThat(pool).isDirectory();
    }

    int run(StringWriter output, String... args) {
        CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        return cli.execute(args);
    }

    int generate(StringWriter output, int count) {
        return run(output, "pool", "generate", "--pool", "standard", "--count", String.valueOf(count), "--root", root.toString(),
                "--speedfog-path", speedfog.toString(), "--generator", "sh " + speedfog.resolve("speedfog.sh"));
    }

    @Test
    void finishedSeedsLandInThePoolsAvailableFolder() throws IOException {
        StringWriter output = new StringWriter();
        assertThat(generate(output, 3)).as(output.toString()).isZero();
        assertThat(output.toString()).contains("seeds").contains("Placed 3 seed(s)").contains("seed_501, seed_502, seed_503");
        assertThat(Files.readString(speedfog.resolve("last_cwd")).strip()).isEqualTo(speedfog.toRealPath().toString());
        ScanResult scan = PoolScanner.scan(root);
        assertThat(scan.rejectedSeeds()).isEmpty();
        assertThat(scan.seedsOf("standard")).hasSize(3).allSatisfy(seed -> assertThat(seed.summary().totalLayers()).isEqualTo(8));
        assertThat(root.resolve("standard/available/seed_501/speedfog_1/mod/regulation.bin")).exists();
        assertThat(hiddenLeftovers()).isZero();
    }

    @Test
    void aFailingRunKeepsTheSeedsBeforeItAndNothingOfItself() throws IOException {
        Files.writeString(speedfog.resolve("fail_at"), "2");
        StringWriter output = new StringWriter();
        assertThat(generate(output, 3)).isEqualTo(1);
        assertThat(output.toString()).contains("Seed 2 of 3: the generator failed (exit 1)")
                .contains("FogRando crashed: missing game files").contains("Placed 1 seed(s)");
        assertThat(PoolScanner.scan(root).seedsOf("standard")).hasSize(1);
        assertThat(hiddenLeftovers()).isZero();
    }

    @Test
    void anOutputWithoutGraphIsRefused() throws IOException {
        Files.writeString(speedfog.resolve("no_graph"), "");
        StringWriter output = new StringWriter();
        assertThat(generate(output, 1)).isEqualTo(1);
        assertThat(output.toString()).contains("no graph.json").contains("No seed was placed");
        assertThat(PoolScanner.scan(root).seedsOf("standard")).isEmpty();
        assertThat(hiddenLeftovers()).isZero();
    }

    @Test
    void missingSetUpSaysWhatToDo() {
        StringWriter output = new StringWriter();
        assertThat(run(output, "pool", "generate", "--pool", "standard", "--count", "1", "--root", root.toString(),
                "--speedfog-path=")).isEqualTo(3);
        assertThat(output.toString()).contains("SPEEDFOG_PATH is not set").contains("--synthetic");
        assertThat(run(output, "pool", "generate", "--pool", "standard", "--count", "1", "--root", root.toString(),
                "--speedfog-path", root.resolve("nowhere").toString())).isEqualTo(3);
        assertThat(output.toString()).contains("is not a folder");
        assertThat(run(output, "pool", "generate", "--pool", "other", "--count", "1", "--root", root.toString(),
                "--speedfog-path", speedfog.toString())).isEqualTo(3);
        assertThat(output.toString()).contains("has no").contains("config.toml");
        assertThat(run(output, "pool", "generate", "--pool", "standard", "--count", "1", "--root", root.toString(),
                "--speedfog-path", speedfog.toString(), "--generator", "no-such-speedfog-binary")).isEqualTo(1);
        assertThat(output.toString()).contains("cannot start 'no-such-speedfog-binary'");
    }

    private long hiddenLeftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }
}
