package com.speedfog.racing.tools;

import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PoolGenerateCommandTest {

    @TempDir
    Path root;

    int run(StringWriter output, String... args) {
        CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        return cli.execute(args);
    }

    @Test
    void syntheticSeedsLandInAPoolTheScannerAccepts() {
        StringWriter output = new StringWriter();
        int exit = run(output, "pool", "generate", "--pool", "weekly", "--count", "5", "--synthetic", "--root", root.toString(),
                "--first-seed", "1000", "--layers", "9");
        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("seeds").contains("Wrote 5 synthetic seeds");
        ScanResult scan = PoolScanner.scan(root);
        assertThat(scan.rejectedSeeds()).isEmpty();
        assertThat(scan.seedsOf("weekly")).hasSize(5);
        assertThat(scan.seedsOf("weekly")).allSatisfy(seed -> {
            assertThat(seed.summary().totalLayers()).isEqualTo(9);
            assertThat(seed.summary().hasEventMap()).isTrue();
        });
        assertThat(scan.pool("weekly")).isPresent();
    }

    @Test
    void badInputSaysWhatToFix() {
        StringWriter output = new StringWriter();
        assertThat(run(output, "pool", "generate", "--pool", "../evil", "--count", "1", "--synthetic", "--root", root.toString()))
                .isEqualTo(2);
        assertThat(output.toString()).contains("--pool must be");
        assertThat(run(output, "pool", "generate", "--pool", "ok", "--count", "0", "--synthetic", "--root", root.toString()))
                .isEqualTo(2);
        assertThat(output.toString()).contains("--count must be between 1 and 1000");
        assertThat(run(output, "pool", "generate", "--pool", "ok", "--count", "1", "--root", root.toString(), "--speedfog-path="))
                .isEqualTo(3);
        assertThat(output.toString()).contains("--synthetic");
    }
}
