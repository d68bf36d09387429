package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.tools.SpeedFogTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code speedfog-tools race simulate} against a live gateway: it makes the race and the players
 * through the HTTP API, races them with the overlay's simulated players in its own JVM, shows the
 * progress and the race page, and exits 0 once the race finished.
 */
class RaceSimulateCommandTest extends GatewayTestBase {

    @LocalServerPort
    int port;

    record Run(int exit, String printed) {
    }

    Run simulate(String... args) {
        StringWriter output = new StringWriter();
        CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        List<String> all = new ArrayList<>(List.of("race", "simulate", "--server", "http://localhost:" + port));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, output.toString());
    }

    @Test
    @Timeout(120)
    void twoSimulatedPlayersRaceToTheFinishAndTheCommandExitsZero() {
        Run run = simulate("--players", "2", "--pool", V4_POOL, "--pace", "0.3", "--speed", "40", "--start-in", "1",
                "--sim-seed", "7");

        assertThat(run.exit()).as(run.printed()).isZero();
        Matcher page = Pattern.compile("http://localhost:" + port + "/race\\.html\\?id=([0-9a-f-]{36})").matcher(run.printed());
        assertThat(page.find()).as("the race page is printed: %s", run.printed()).isTrue();
        assertThat(run.printed()).contains("every simulated player is connected and ready").contains("GO in 1 s")
                .contains("sim_1 layer").contains("sim_2 layer").contains("sim_1 FINISHED").contains("sim_2 FINISHED")
                .contains("Every race finished.");

        JsonNode race = Api.anonymous(port).ok(Api.anonymous(port).get("/api/races/" + page.group(1)));
        assertThat(race.path("race").path("status").asText()).isEqualTo("finished");
        assertThat(race.path("participants")).hasSize(2).allSatisfy(p -> {
            assertThat(p.path("display_name").asText()).matches("sim_[12]");
            assertThat(p.path("status").asText()).isEqualTo("finished");
            assertThat(p.path("zone_history").size()).as("went through the gates").isGreaterThan(5);
        });
    }

    @Test
    void badValuesAreAUsageError() {
        Run run = simulate("--players", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.printed()).contains("--players must be from 1 to 100");
        assertThat(simulate("--players", "2", "--pace", "0").exit()).isEqualTo(2);
    }

    @Test
    void anUnknownPoolIsAClearFailure() {
        Run run = simulate("--players", "1", "--pool", "no_such_pool");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.printed()).contains("race simulate failed").contains("404");
    }
}
