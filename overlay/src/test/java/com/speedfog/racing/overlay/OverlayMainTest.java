package com.speedfog.racing.overlay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OverlayMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource({
            "--simulate, --simulate: not available yet",
            "--headless, --headless: not available yet",
            "'', the overlay window (normal mode): not available yet"})
    void modesNotWrittenYetSaySoAndExitWithTwo(String flag, String message) {
        int exit = run(flag.isEmpty() ? new String[0] : new String[] {flag});

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
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
