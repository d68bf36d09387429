package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.OverlayMain;
import com.speedfog.racing.overlay.connection.Outbox;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.overlay.testing.Eventually;
import com.speedfog.racing.overlay.testing.FakeRaceServer;
import com.speedfog.racing.overlay.testing.SeedFiles;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole race by a simulated player: {@code --simulate --headless} against a real WebSocket server
 * on loopback, with the connection dropped once in the middle.
 */
@Timeout(90)
class SimulatedPlayerTest {

    @TempDir
    Path folder;

    private FakeRaceServer server;

    @BeforeEach
    void startServer() throws InterruptedException {
        server = FakeRaceServer.started();
        server.raceStatus("open");
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void theSimulatedPlayerRacesFromReadyToAcknowledgedFinish() throws Exception {
        Path pack = SeedFiles.pack(folder.resolve("pack"), server.baseUrl().toString(), FakeRaceServer.TOKEN);
        SeedFlags seed = SeedFlags.of(SeedGraph.parse(pack.resolve("graph.json")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> OverlayMain.run(out, out,
                "--config", pack.toString(), "--simulate", "--headless", "--pace", "0.4", "--speed", "30",
                "--sim-seed", "11", "--exit-when-done"));

        Eventually.await("ready", Duration.ofSeconds(20), () -> server.applied().stream().anyMatch(ModMessage.Ready.class::isInstance));
        server.raceStatus("running");
        server.send(new ServerMessage.RaceStatusChange("running", null, null, Instant.now()));
        server.send(new ServerMessage.RaceStart(Instant.now()));

        Eventually.await("a first zone", Duration.ofSeconds(20), () -> server.applied().stream().anyMatch(ModMessage.EventFlag.class::isInstance));
        server.dropAll(); // the network fails once mid-race

        int code = exit.get(60, TimeUnit.SECONDS);
        String output = log.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        assertThat(server.connections()).as("reconnected after the drop").hasSizeGreaterThanOrEqualTo(2);

        List<ModMessage.Gameplay> applied = server.applied();
        assertThat(applied.get(0)).isInstanceOf(ModMessage.Ready.class);
        assertThat(applied).filteredOn(ModMessage.Ready.class::isInstance).hasSize(1);
        assertThat(applied.get(applied.size() - 1)).isInstanceOf(ModMessage.Finished.class);
        assertThat(applied).filteredOn(ModMessage.Finished.class::isInstance).hasSize(1);
        assertThat(applied).filteredOn(ModMessage.StatusUpdate.class::isInstance).hasSizeGreaterThan(3);

        List<Long> flags = applied.stream().filter(ModMessage.EventFlag.class::isInstance)
                .map(m -> ((ModMessage.EventFlag) m).flagId()).toList();
        assertThat(flags).doesNotHaveDuplicates();
        List<String> nodes = flags.stream().map(seed::describe).toList();
        assertThat(nodes).endsWith("leyndell_erdtree_ca15");
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(10); // 12 layers after the start: some paths merge

        long previous = -1;
        for (ModMessage.Gameplay message : applied) {
            Long igt = igtOf(message);
            if (igt != null && !(message instanceof ModMessage.StatusUpdate)) {
                assertThat(igt).as("zone and finish IGTs in order").isGreaterThanOrEqualTo(previous);
                previous = igt;
            }
        }
        Path outboxFile = Outbox.fileFor(pack, FakeRaceServer.RACE);
        assertThat(Files.readAllLines(outboxFile).stream().filter(l -> l.startsWith("+")).count())
                .as("nothing left unacknowledged on disk").isLessThanOrEqualTo(applied.size());
        try (Outbox reopened = Outbox.open(outboxFile)) {
            assertThat(reopened.size()).isZero();
        }
        assertThat(output).contains("connection: connected").contains("sent finished").contains("run finished and acknowledged");
    }

    private static Long igtOf(ModMessage.Gameplay message) {
        if (message instanceof ModMessage.EventFlag m) {
            return m.igtMs();
        }
        if (message instanceof ModMessage.Finished m) {
            return m.igtMs();
        }
        return null;
    }
}
