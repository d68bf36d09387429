package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.testing.Eventually;
import com.speedfog.racing.overlay.testing.FakeRaceServer;
import com.speedfog.racing.overlay.testing.SeedFiles;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.zone.FinishFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlay started on a v3 pack (no game running, a loopback server): it follows zones from the
 * map id with the bundled fog.txt, watches the final boss's defeat flag, and asks where the player is.
 */
@Timeout(60)
class V3PackTest {

    @TempDir
    Path folder;

    private FakeRaceServer server;

    @BeforeEach
    void startServer() throws InterruptedException {
        server = FakeRaceServer.started();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void aV3PackFollowsZonesFromTheMapAndAsksTheServerWhereThePlayerIs() throws Exception {
        Path pack = SeedFiles.pack(folder.resolve("pack"), server.baseUrl().toString(), FakeRaceServer.TOKEN, "v3");
        SeedGraph graph = SeedGraph.parse(pack.resolve("graph.json"));
        long finish = FinishFlag.of(graph, FogData.bundled()).orElseThrow().flag();
        Node stored = graph.nodes().stream().filter(n -> n.layer() == 3).findFirst().orElseThrow();
        server.zone(new ServerMessage.ZoneUpdate(stored.id(), stored.displayName(), 6, stored.layer(), List.of()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        OverlayApp app = new OverlayApp(new OverlayApp.Options(pack, false, true, "no-such-game-v3.exe",
                Duration.ofSeconds(20), 1, 0, false, "test/1"), out);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(app::run);
        Eventually.await("asked where the player is and heard back", Duration.ofSeconds(20),
                () -> log.toString(StandardCharsets.UTF_8).contains("zone: " + stored.displayName()));
        app.stop();

        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        String output = log.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("zones are read from the map id").contains("finish: flag " + finish);
        assertThat(server.connection(0).zoneQueries()).containsExactly(new ModMessage.ZoneQuery(null, null, null, null, null));
        assertThat(server.connection(0).gameplay()).as("no game: nothing to report").isEmpty();
    }
}
