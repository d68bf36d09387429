package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.overlay.GatewayRestartMidRaceTest.Heard;
import com.speedfog.racing.gateway.overlay.GatewayRestartMidRaceTest.Planned;
import com.speedfog.racing.gateway.overlay.GatewayRestartMidRaceTest.Sent;
import com.speedfog.racing.gateway.projection.ReadTables;
import com.speedfog.racing.gateway.reliability.GatewayProcess;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.overlay.config.RaceConfig;
import com.speedfog.racing.overlay.config.RaceConfigLoader;
import com.speedfog.racing.overlay.connection.ConnectionOptions;
import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.connection.Outbox;
import com.speedfog.racing.overlay.connection.RaceConnection;
import com.speedfog.racing.overlay.simulate.SimulationGraph;
import com.speedfog.racing.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway process killed with SIGKILL in the middle of a race, three players sending through the
 * real overlay connection (on-disk outbox), then started again on the same database: every message a
 * player saw acknowledged is in the event store, the rest are resent from the outboxes, nothing is
 * applied twice, the race finishes, and the read models equal a fresh rebuild of them.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GatewayKilledMidRaceTest {

    static final int PLAYERS = 3;

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void nothingIsLostOrDoubledWhenTheGatewayIsKilled() throws Exception {
        String databaseUrl = TestDatabase.newDatabase("killed");
        Path pools = folder.resolve("pools");
        GatewayTestBase.addV4Pool(pools);
        int port = GatewayProcess.freePort();
        Path logs = Path.of("target", "node-logs");
        GatewayProcess first = GatewayProcess.start("killed-first", port, databaseUrl, pools, logs);
        toClose.add(first);

        Api organizer = Api.devLogin(port, "killed_orga", "admin");
        OverlayPlayers race = OverlayPlayers.newRace(organizer, port, "killed", PLAYERS, folder, toClose);

        int length = race.length();
        int burstFrom = length / 4;
        int downFrom = length / 2;
        int upAgainFrom = length * 3 / 4;
        // 1. Up: a steady pace.  2. A burst from everyone, and SIGKILL while it is in flight.
        race.submitAll(0, burstFrom, 60);
        race.submitAll(burstFrom, downFrom, 0);
        first.kill();
        List<List<String>> ackedBeforeTheKill = race.players.stream().map(p -> List.copyOf(p.heard().acks)).toList();
        int unacknowledgedAtKill = race.pending();

        // 3. Down: the players keep playing into their outboxes.
        race.submitAll(downFrom, upAgainFrom, 30);
        // 4. The gateway again, same port and database.
        GatewayProcess second = GatewayProcess.start("killed-second", port, databaseUrl, pools, logs);
        toClose.add(second);
        race.submitAll(upAgainFrom, length, 60);
        race.awaitAllAcknowledged(Duration.ofSeconds(60));
        race.awaitFinished(organizer, Duration.ofSeconds(30));

        try (Connection db = DriverManager.getConnection(databaseUrl, TestDatabase.USER, null)) {
            race.assertExactlyOnce(db, ackedBeforeTheKill);
            for (OverlayPlayers.Player player : race.players) {
                assertThat(player.heard().connections()).as("authenticated again after the kill").isGreaterThanOrEqualTo(2);
            }

            OverlayPlayers.assertReadModelsEqualARebuild(organizer, db);
        }
        race.assertNoTokenLogged(first.log, organizer);
        race.assertNoTokenLogged(second.log, organizer);
        System.out.printf("kill -9 test: %d players, %d messages, %d unacknowledged at the kill, lost 0, doubled 0%n",
                PLAYERS, race.sent(), unacknowledgedAtKill);
    }
}
