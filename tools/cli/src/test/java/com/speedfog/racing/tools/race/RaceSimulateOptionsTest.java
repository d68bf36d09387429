package com.speedfog.racing.tools.race;

import com.speedfog.racing.tools.SpeedFogTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code race simulate} without a gateway: its usage rules and its unzipping (the live race is a gateway test). */
class RaceSimulateOptionsTest {

    @TempDir
    Path folder;

    private String run(int expectedExit, String... args) {
        StringWriter output = new StringWriter();
        CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        assertThat(cli.execute(args)).as(output.toString()).isEqualTo(expectedExit);
        return output.toString();
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(run(2, "race", "simulate")).contains("--players");
        assertThat(run(2, "race", "simulate", "--players", "0")).contains("--players must be from 1 to 100");
        assertThat(run(2, "race", "simulate", "--players", "2", "--races", "21")).contains("--races must be from 1 to 20");
        assertThat(run(2, "race", "simulate", "--players", "2", "--pace", "0")).contains("--pace");
        assertThat(run(2, "race", "simulate", "--players", "2", "--start-in", "0")).contains("--start-in");
        assertThat(run(0, "race", "simulate", "--help")).contains("--players").contains("--pace").contains("--speed")
                .contains("--start-in").contains("--token").contains("--races");
    }

    @Test
    void aGatewayElsewhereNeedsAToken() {
        String printed = run(1, "race", "simulate", "--server", "http://racing.example.invalid:8080", "--players", "2");
        assertThat(printed).contains("give --token").doesNotContain("Packs and overlay logs");
    }

    @Test
    void aGatewayThatIsNotThereIsAClearError() {
        assertThat(run(1, "race", "simulate", "--server", "http://127.0.0.1:9", "--players", "1"))
                .contains("cannot reach the gateway at http://127.0.0.1:9");
    }

    @Test
    void packsAreUnzippedAndUnsafePathsRefused() throws IOException {
        Path good = zip("good.zip", "seed/graph.json", "seed/speedfog_race.toml");
        RaceSimulateCommand.unzip(good, folder.resolve("out"));
        assertThat(folder.resolve("out/seed/graph.json")).hasContent("seed/graph.json");
        assertThat(folder.resolve("out/seed/speedfog_race.toml")).isRegularFile();

        Path evil = zip("evil.zip", "../escaped.txt");
        assertThatThrownBy(() -> RaceSimulateCommand.unzip(evil, folder.resolve("out2")))
                .isInstanceOf(IOException.class).hasMessageContaining("unsafe path");
        assertThat(folder.resolve("escaped.txt")).doesNotExist();
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
