package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.overlay.GatewayRestartMidRaceTest.Heard;
import com.speedfog.racing.gateway.overlay.GatewayRestartMidRaceTest.Planned;
import com.speedfog.racing.gateway.overlay.GatewayRestartMidRaceTest.Sent;
import com.speedfog.racing.gateway.projection.ReadTables;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.overlay.config.RaceConfig;
import com.speedfog.racing.overlay.config.RaceConfigLoader;
import com.speedfog.racing.overlay.connection.ConnectionOptions;
import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.connection.Outbox;
import com.speedfog.racing.overlay.connection.RaceConnection;
import com.speedfog.racing.overlay.simulate.SimulationGraph;
import com.speedfog.racing.protocol.ModMessage;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
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
 * Players of one race, each with the real overlay connection on their own downloaded pack (on-disk
 * outbox, reconnect), playing the same scripted run through the seed: what the fault tests drive.
 */
final class OverlayPlayers {

    /** One player: connection, outbox, and what they sent and heard. */
    record Player(UUID participantId, String modToken, Outbox outbox, RaceConnection connection, Heard heard, List<Sent> sent,
                  List<Planned> stream, List<String> path, List<String> log) {
        void submit(int index) {
            Planned planned = stream.get(index);
            sent.add(new Sent(connection.submit(planned.message()), planned));
        }
    }

    final UUID raceId;
    final List<Player> players = new ArrayList<>();

    private OverlayPlayers(UUID raceId) {
        this.raceId = raceId;
    }

    /**
     * {@code count} players logged in on the node at {@code port} as {@code <prefix>_runner_<n>}, in a new
     * race of {@code organizer}'s on the v4 pool, ready and started.
     */
    static OverlayPlayers newRace(Api organizer, int port, String prefix, int count, Path folder, List<AutoCloseable> toClose)
            throws Exception {
        Api[] runners = new Api[count];
        for (int i = 0; i < count; i++) {
            runners[i] = Api.devLogin(port, prefix + "_runner_" + i, "user");
        }
        return readyAndStarted(organizer, organizer.raceWith(prefix + " race", "{}", runners), folder, toClose);
    }

    /** Generates the packs, connects one overlay per player, marks everyone ready and starts the race. */
    static OverlayPlayers readyAndStarted(Api organizer, UUID raceId, Path folder, List<AutoCloseable> toClose)
            throws Exception {
        OverlayPlayers race = new OverlayPlayers(raceId);
        JsonNode packs = organizer.ok(organizer.post("/api/races/" + raceId + "/generate-zips", null)).path("packs");
        for (int i = 0; i < packs.size(); i++) {
            Path pack = Packs.downloadAndUnzip(packs.get(i).path("download_url").asText(), folder.resolve("pack-" + i));
            RaceConfig config = RaceConfigLoader.load(pack);
            Outbox outbox = Outbox.open(Outbox.fileFor(pack, raceId));
            toClose.add(outbox);
            Heard heard = new Heard();
            List<String> log = new CopyOnWriteArrayList<>();
            RaceConnection connection = new RaceConnection(ConnectionOptions.forRace(config.server().url(), raceId,
                    config.server().modToken(), "fault-test/1")
                    .withRetries(Duration.ofMillis(100), Duration.ofMillis(500))
                    .withSendRate(15, 8), outbox, heard, log::add);
            toClose.add(connection);
            connection.start();
            List<String> path = new ArrayList<>();
            List<Planned> stream = GatewayRestartMidRaceTest.stream(SimulationGraph.load(pack.resolve("graph.json")), path);
            race.players.add(new Player(UUID.fromString(packs.get(i).path("participant_id").asText()),
                    config.server().modToken(), outbox, connection,
                    heard, new ArrayList<>(), stream, path, log));
        }
        for (Player player : race.players) {
            await("connected").atMost(Duration.ofSeconds(20)).until(() -> player.connection().state() == ConnectionState.CONNECTED);
            ModMessage.Ready ready = new ModMessage.Ready(null);
            player.sent().add(new Sent(player.connection().submit(ready), new Planned(ready, true)));
        }
        race.awaitAllAcknowledged(Duration.ofSeconds(20));
        organizer.ok(organizer.post("/api/races/" + raceId + "/start", "{\"in_seconds\":1}"));
        for (Player player : race.players) {
            assertThat(player.heard().raceStarted.await(30, TimeUnit.SECONDS)).as("GO reached the overlay").isTrue();
        }
        return race;
    }

    int length() {
        return players.get(0).stream().size();
    }

    /** Every player submits message {@code index} of their run. */
    void submitAll(int index) {
        players.forEach(p -> p.submit(index));
    }

    /** Every player submits messages {@code from} to {@code to} (excluded) of their run, {@code spacingMillis} apart (0: at once). */
    void submitAll(int from, int to, long spacingMillis) throws InterruptedException {
        for (int i = from; i < to; i++) {
            submitAll(i);
            if (spacingMillis > 0) {
                Thread.sleep(spacingMillis);
            }
        }
    }

    /** The race ends by itself once every player has finished. */
    void awaitFinished(Api organizer, Duration within) {
        await("the race finishes by itself").atMost(within).until(() ->
                organizer.ok(organizer.get("/api/races/" + raceId)).path("race").path("status").asText().equals("finished"));
    }

    int pending() {
        return players.stream().mapToInt(p -> p.outbox().size()).sum();
    }

    int sent() {
        return players.stream().mapToInt(p -> p.sent().size()).sum();
    }

    void awaitAllAcknowledged(Duration within) {
        await("every outbox empty").atMost(within).until(() -> pending() == 0);
    }

    /**
     * In the event store: every message that must store something is stored exactly once, none twice,
     * nothing foreign; every zone in order once; one finish. {@code ackedEarlier} (per player, may be
     * null) must be stored.
     */
    void assertExactlyOnce(Connection db, List<List<String>> ackedEarlier) throws Exception {
        for (int p = 0; p < players.size(); p++) {
            Player player = players.get(p);
            assertThat(player.heard().errors).as("no message refused: %s", player.log()).isEmpty();
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
            if (ackedEarlier != null) {
                for (String acked : ackedEarlier.get(p)) {
                    Sent message = player.sent().stream().filter(s -> s.id().equals(acked)).findFirst().orElseThrow();
                    if (message.planned().mustBeStored()) {
                        assertThat(perId).as("acknowledged, so stored").containsKey(acked);
                    }
                }
            }
            assertThat(stored.nodesEntered()).as("every zone, in order, once")
                    .containsExactlyElementsOf(player.path().subList(1, player.path().size()));
            assertThat(stored.ofType("ParticipantFinished")).hasSize(1);
        }
    }

    /** The read tables the live server built equal a rebuild of them from the event store. */
    static void assertReadModelsEqualARebuild(Api admin, Connection db) throws Exception {
        // Each read model follows the store on its own: the race may show finished before the timeline has it.
        await("every read model caught up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin.ok(admin.get("/api/admin/projections")).path("done").asBoolean());
        Map<String, List<Map<String, Object>>> live = ReadTables.dump(db);
        admin.ok(admin.post("/api/admin/projections/rebuild", null));
        await("rebuilt").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin.ok(admin.get("/api/admin/projections")).path("rebuilt").asBoolean());
        Map<String, List<Map<String, Object>>> rebuilt = ReadTables.dump(db);
        for (String table : ReadTables.TABLES.keySet()) {
            assertThat(rebuilt.get(table)).as("%s after a rebuild", table).isEqualTo(live.get(table));
        }
    }

    /** Tokens are secrets: none of these players' mod tokens, nor these API tokens, is in the server's log. */
    void assertNoTokenLogged(Path serverLog, Api... apis) throws java.io.IOException {
        String log = java.nio.file.Files.readString(serverLog);
        assertThat(log).as("the server log").isNotBlank();
        for (Player player : players) {
            assertThat(log).as("a mod token in the server log").doesNotContain(player.modToken());
        }
        for (Api api : apis) {
            assertThat(log).as("an API token in the server log").doesNotContain(api.token());
        }
    }
}
