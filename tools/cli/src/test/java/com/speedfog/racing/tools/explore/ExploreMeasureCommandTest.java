package com.speedfog.racing.tools.explore;

import com.speedfog.racing.seeds.demo.DemoFiles;
import com.speedfog.racing.tools.SpeedFogTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExploreMeasureCommandTest {

    private int run(StringWriter output, String... args) {
        CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        return cli.execute(args);
    }

    @Test
    void measuresARealSpoilerLogFile(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("2025-11-23_16.23.36_log_561689827_52418.txt"), DemoFiles.spoilerLog());
        StringWriter output = new StringWriter();

        int exit = run(output, "explore", "measure", "--spoiler-log", log.toString());

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString())
                .contains("seed 561689827: 151 random links, 329 preexisting")
                .contains("overlay (gate sides): 119/151 random transitions (78.8 %) resolved uniquely by the map ids alone;"
                        + " 148 (98.0 %) knowing the zone the player was in")
                .contains("spec (zone maps):     124/151 random transitions (82.1 %)");
    }

    @Test
    void aFileThatIsNotASpoilerLogSaysSo(@TempDir Path dir) throws Exception {
        Path notALog = Files.writeString(dir.resolve("graph.json"), "{}");
        StringWriter output = new StringWriter();

        assertThat(run(output, "explore", "measure", "--spoiler-log", notALog.toString())).isEqualTo(2);
        assertThat(output.toString()).contains("measure: " + notALog + ": line 1 should be 'Options and seed:");
    }
}
