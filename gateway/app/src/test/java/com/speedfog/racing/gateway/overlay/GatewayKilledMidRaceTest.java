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

    /** One player: their pack, connection, outbox and what they sent and heard. */
    record Player(UUID participantId, Outbox outbox, RaceConnection connection, Heard heard, List<Sent> sent,
                  List<Planned> stream, List<String> path, List<String> log) {
        void submit(int index) {
            Planned planned = stream.get(index);
            sent.add(new Sent(connection.submit(planned.message()), planned));
        }
    }

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
        int port = GatewayRestartMidRaceTest.freePort();
        Path logs = Path.of("target", "node-logs");
        GatewayProcess first = GatewayProcess.start("killed-first", port, databaseUrl, pools, logs);
        toClose.add(first);

        Api organizer = Api.devLogin(port, "killed_orga", "admin");
        Api[] runners = new Api[PLAYERS];
        for (int i = 0; i < PLAYERS; i++) {
            runners[i] = Api.devLogin(port, "killed_runner_" + i, "user");
        }
        UUID raceId = organizer.raceWith("Killed race", "{}", runners);
        JsonNode packs = organizer.ok(organizer.post("/api/races/" + raceId + "/generate-zips", null)).path("packs");
        JsonNode roster = organizer.ok(organizer.get("/api/races/" + raceId)).path("participants");

        List<Player> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            Path pack = Packs.downloadAndUnzip(packs.get(i).path("download_url").asText(), folder.resolve("pack-" + i));
            RaceConfig config = RaceConfigLoader.load(pack);
            Outbox outbox = Outbox.open(Outbox.fileFor(pack, raceId));
            toClose.add(outbox);
            Heard heard = new Heard();
            List<String> log = new CopyOnWriteArrayList<>();
            RaceConnection connection = new RaceConnection(ConnectionOptions.forRace(config.server().url(), raceId,
                    config.server().modToken(), "killed-test/1")
                    .withRetries(Duration.ofMillis(100), Duration.ofMillis(500))
                    .withSendRate(15, 8), outbox, heard, log::add);
            toClose.add(connection);
            connection.start();
            List<String> path = new ArrayList<>();
            List<Planned> stream = GatewayRestartMidRaceTest.stream(SimulationGraph.load(pack.resolve("graph.json")), path);
            UUID participantId = UUID.fromString(packs.get(i).path("participant_id").asText(roster.get(i).path("id").asText()));
            players.add(new Player(participantId, outbox, connection, heard, new ArrayList<>(), stream, path, log));
        }
        for (Player player : players) {
            await("connected").atMost(Duration.ofSeconds(20)).until(() -> player.connection().state() == ConnectionState.CONNECTED);
            player.sent().add(new Sent(player.connection().submit(new com.speedfog.racing.protocol.ModMessage.Ready(null)),
                    new Planned(new com.speedfog.racing.protocol.ModMessage.Ready(null), true)));
        }
        await("everyone ready").atMost(Duration.ofSeconds(20)).until(() -> players.stream().allMatch(p -> p.outbox().size() == 0));
        organizer.ok(organizer.post("/api/races/" + raceId + "/start", "{\"in_seconds\":1}"));
        for (Player player : players) {
            assertThat(player.heard().raceStarted.await(30, TimeUnit.SECONDS)).as("GO reached the overlay").isTrue();
        }

        int length = players.get(0).stream().size();
        int burstFrom = length / 4;
        int downFrom = length / 2;
        int upAgainFrom = length * 3 / 4;
        // 1. Up: a steady pace.  2. A burst from everyone, and SIGKILL while it is in flight.
        for (int i = 0; i < burstFrom; i++) {
            for (Player player : players) {
                player.submit(i);
            }
            Thread.sleep(60);
        }
        for (int i = burstFrom; i < downFrom; i++) {
            for (Player player : players) {
                player.submit(i);
            }
        }
        first.kill();
        List<List<String>> ackedBeforeTheKill = players.stream().map(p -> List.copyOf(p.heard().acks)).toList();
        int unacknowledgedAtKill = players.stream().mapToInt(p -> p.outbox().size()).sum();

        // 3. Down: the players keep playing into their outboxes.
        for (int i = downFrom; i < upAgainFrom; i++) {
            for (Player player : players) {
                player.submit(i);
            }
            Thread.sleep(30);
        }
        // 4. The gateway again, same port and database.
        GatewayProcess second = GatewayProcess.start("killed-second", port, databaseUrl, pools, logs);
        toClose.add(second);
        for (int i = upAgainFrom; i < length; i++) {
            for (Player player : players) {
                player.submit(i);
            }
            Thread.sleep(60);
        }
        await("every outbox empty").atMost(Duration.ofSeconds(60)).until(() -> players.stream().allMatch(p -> p.outbox().size() == 0));
        await("the race finishes by itself").atMost(Duration.ofSeconds(30)).until(() ->
                organizer.ok(organizer.get("/api/races/" + raceId)).path("race").path("status").asText().equals("finished"));

        int sentTotal = 0;
        try (Connection db = DriverManager.getConnection(databaseUrl, TestDatabase.USER, null)) {
            for (int p = 0; p < PLAYERS; p++) {
                Player player = players.get(p);
                assertThat(player.heard().errors).as("no message refused: %s", player.log()).isEmpty();
                assertThat(player.heard().connections()).as("authenticated again after the kill").isGreaterThanOrEqualTo(2);
                StoredEvents stored = StoredEvents.of(db, player.participantId());
                Map<String, Long> perId = stored.countByMessageId();
                Set<String> ours = player.sent().stream().map(Sent::id).collect(Collectors.toSet());
                assertThat(perId.keySet()).as("only this player's messages are stored").isSubsetOf(ours);
                for (Sent message : player.sent()) {
                    long count = perId.getOrDefault(message.id(), 0L);
                    if (message.planned().mustBeStored()) {
                        assertThat(count).as("%s stored exactly once", message.planned().message()).isEqualTo(1L);
                    } else {
                        assertThat(count).as("%s stored at most once", message.planned().message()).isLessThanOrEqualTo(1L);
                    }
                }
                for (String acked : ackedBeforeTheKill.get(p)) {
                    Sent message = player.sent().stream().filter(s -> s.id().equals(acked)).findFirst().orElseThrow();
                    if (message.planned().mustBeStored()) {
                        assertThat(perId).as("acknowledged before the kill, so stored").containsKey(acked);
                    }
                }
                assertThat(stored.nodesEntered()).as("every zone, in order, once")
                        .containsExactlyElementsOf(player.path().subList(1, player.path().size()));
                assertThat(stored.ofType("ParticipantFinished")).hasSize(1);
                sentTotal += player.sent().size();
            }

            // The read models the live server built equal a rebuild from the event store.
            Map<String, List<Map<String, Object>>> live = ReadTables.dump(db);
            organizer.ok(organizer.post("/api/admin/projections/rebuild", null));
            await("rebuilt").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    organizer.ok(organizer.get("/api/admin/projections")).path("rebuilt").asBoolean());
            Map<String, List<Map<String, Object>>> rebuilt = ReadTables.dump(db);
            for (String table : ReadTables.TABLES.keySet()) {
                assertThat(rebuilt.get(table)).as("%s after a rebuild", table).isEqualTo(live.get(table));
            }
        }
        System.out.printf("kill -9 test: %d players, %d messages, %d unacknowledged at the kill, lost 0, doubled 0%n",
                PLAYERS, sentTotal, unacknowledgedAtKill);
    }
}
