package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.overlay.OverlayMain;
import com.speedfog.racing.overlay.connection.Outbox;
import com.speedfog.racing.overlay.simulate.SimulatedRun;
import com.speedfog.racing.overlay.simulate.SimulationGraph;
import com.speedfog.racing.overlay.simulate.SimulationPace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real overlay against the real gateway: the organizer makes a race on the v4 pool, the player's
 * pack is downloaded and unzipped, and the overlay's headless simulated session ({@code --simulate
 * --headless --exit-when-done}) races it from that folder, a zone every 140-260 ms. The race finishes
 * by itself; the server's zone history is the simulated walk; every message was acknowledged and
 * stored at most once.
 */
class SimulatedPlayerRaceTest extends GatewayTestBase {

    static final long SIM_SEED = 424_242L;
    static final String PACE = "0.2";
    static final String SPEED = "50";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void aSimulatedOverlayRacesAWholeRaceOnTheGateway() throws Exception {
        Api organizer = Api.devLogin(port, "overlay_orga", "organizer");
        Api runner = Api.devLogin(port, "overlay_runner", "user");
        UUID raceId = organizer.raceWith("Overlay race", "{}", runner);
        JsonNode packs = organizer.ok(organizer.post("/api/races/" + raceId + "/generate-zips", null)).path("packs");
        assertThat(packs).hasSize(1);
        Path pack = Packs.downloadAndUnzip(packs.get(0).path("download_url").asText(), folder.resolve("pack"));
        assertThat(pack.resolve("graph.json")).isRegularFile();
        assertThat(pack.resolve("speedfog_race.toml")).isRegularFile();

        // The walk the overlay will make: the same plan from the same seed and pace.
        SimulatedRun plan = SimulatedRun.plan(SimulationGraph.load(pack.resolve("graph.json")),
                SimulationPace.of(Duration.ofMillis(200), Double.parseDouble(SPEED), SIM_SEED));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        ExecutorService overlayThread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> OverlayMain.run(out, out,
                    "--config", pack.toString(), "--simulate", "--headless", "--pace", PACE, "--speed", SPEED,
                    "--sim-seed", Long.toString(SIM_SEED), "--exit-when-done"), overlayThread);

            await("the overlay connects and says ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> participant(organizer, raceId).path("status").asText(), "ready"::equals);
            organizer.ok(organizer.post("/api/races/" + raceId + "/start", "{\"in_seconds\":1}"));

            int code = exit.get(60, TimeUnit.SECONDS);
            assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            overlayThread.shutdownNow();
        }
        String output = log.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("connection: connected").contains("sent finished").contains("run finished and acknowledged");

        await("the race finishes by itself").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> organizer.ok(organizer.get("/api/races/" + raceId)).path("race").path("status").asText(),
                        "finished"::equals);
        JsonNode me = participant(organizer, raceId);
        assertThat(me.path("status").asText()).isEqualTo("finished");
        assertThat(me.path("finish_igt_ms").asLong()).isPositive();

        List<String> walked = plan.path().subList(1, plan.path().size()); // the start is the null first visit
        List<String> history = new ArrayList<>();
        me.path("zone_history").forEach(v -> history.add(v.path("node_id").isNull() ? null : v.path("node_id").asText()));
        assertThat(history.get(0)).as("the start, before the first fog gate").isNull();
        assertThat(history.subList(1, history.size())).as(output).containsExactlyElementsOf(walked);
        assertThat(me.path("current_zone").asText()).isEqualTo(plan.path().get(plan.path().size() - 1));

        // Every message acknowledged: nothing left in the outbox on disk.
        try (Outbox outbox = Outbox.open(Outbox.fileFor(pack, raceId))) {
            assertThat(outbox.size()).isZero();
        }
        // Stored once each: one event per message id at most; one zone entry per gate of the walk.
        UUID participantId = UUID.fromString(me.path("id").asText());
        StoredEvents stored;
        try (Connection connection = dataSource.getConnection()) {
            stored = StoredEvents.of(connection, participantId);
        }
        assertThat(stored.countByMessageId()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        assertThat(stored.nodesEntered()).containsExactlyElementsOf(walked);
        assertThat(stored.ofType("ParticipantReady")).hasSize(1).allSatisfy(e -> assertThat(e.messageId()).isNotNull());
        assertThat(stored.ofType("ParticipantFinished")).hasSize(1).allSatisfy(e -> assertThat(e.messageId()).isNotNull());
        assertThat(stored.ofType("ZoneEntered")).allSatisfy(e -> assertThat(e.messageId()).isNotNull());
        int deaths = (int) plan.steps().stream().filter(SimulatedRun.Death.class::isInstance).count();
        // Deaths travel in the 1 Hz status: the last ones may not be sent before the finish ends the run.
        assertThat(me.path("death_count").asInt()).as("deaths of the walk").isBetween(0, deaths);
        assertThat(Files.exists(pack.resolve(Outbox.FOLDER))).isTrue();
    }

    static JsonNode participant(Api api, UUID raceId) {
        JsonNode participants = api.ok(api.get("/api/races/" + raceId)).path("participants");
        assertThat(participants).hasSize(1);
        return participants.get(0);
    }
}
