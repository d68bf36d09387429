package com.speedfog.racing.overlay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OverlayMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource({"--simulate", "--headless", "''"})
    void raceModesNeedAConfig(String flag) {
        int exit = run(flag.isEmpty() ? new String[0] : new String[] {flag});

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config is required");
    }

    @Test
    void simulationNeedsTheSeedGraphNextToTheConfig(@TempDir Path pack) throws IOException {
        Files.writeString(pack.resolve("speedfog_race.toml"), """
                [server]
                url = "ws://127.0.0.1:9"
                race_id = "3f2b8c1e-0000-4000-8000-000000000001"
                mod_token = "secret"
                """);

        int exit = run("--simulate", "--headless", "--config", pack.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--simulate: needs the seed's graph.json");
    }

    @Test
    void aWrongConfigIsReportedAndExitsWithOne(@TempDir Path pack) {
        int exit = run("--headless", "--config", pack.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("speedfog_race.toml not found");
    }

    @Test
    void paceAndSpeedMustBePositive(@TempDir Path pack) {
        assertThat(run("--simulate", "--config", pack.toString(), "--pace", "0")).isEqualTo(2);
        assertThat(run("--simulate", "--config", pack.toString(), "--speed", "-1")).isEqualTo(2);
    }

    @Test
    void probeRunsTheRequestedNumberOfSamplesAndWaitsForAMissingGame() {
        int exit = run("--probe", "--process", "no_such_game_42.exe", "--samples", "1");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("no --config given")
                .contains("waiting: Game not running: no process named no_such_game_42.exe");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(run("--fly")).isEqualTo(2);
        assertThat(run("--probe", "--samples", "-1")).isEqualTo(2);
    }

    private int run(String... args) {
        return OverlayMain.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }
}
