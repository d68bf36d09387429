package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.SpeedFogGatewayApplication;
import com.speedfog.racing.gateway.reliability.GatewayProcess;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.overlay.config.RaceConfig;
import com.speedfog.racing.overlay.config.RaceConfigLoader;
import com.speedfog.racing.overlay.connection.ConnectionListener;
import com.speedfog.racing.overlay.connection.ConnectionOptions;
import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.connection.Outbox;
import com.speedfog.racing.overlay.connection.OutboxEntry;
import com.speedfog.racing.overlay.connection.RaceConnection;
import com.speedfog.racing.overlay.simulate.SimulationGraph;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway stopped in the middle of a race and started again on the same port and database, with
 * the real overlay connection (on-disk outbox, reconnect) sending a stream of zones and deaths: the
 * stop begins while a message is being stored and more wait behind it, the overlay keeps producing
 * into its outbox while the server is down, and after the restart every message is applied exactly
 * once and every zone is there, in order.
 *
 * <p>Nothing here depends on timing: the event store is held with a table lock, so the stop is known to
 * begin with a message in flight and others unacknowledged, whatever the machine's speed.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class GatewayRestartMidRaceTest {

    /** Between two messages of the stream while the server is up (the real overlay sends ~1 a second). */
    static final long SPACING_MS = 60;

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String databaseUrl;
    private Path pools;
    private int port;

    /** What the overlay's connection heard. */
    public static final class Heard implements ConnectionListener {
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        /** Every state with its detail, for failure messages. */
        final List<String> transitions = new CopyOnWriteArrayList<>();
        final List<String> acks = new CopyOnWriteArrayList<>();
        final List<ServerMessage.Error> errors = new CopyOnWriteArrayList<>();
        final CountDownLatch raceStarted = new CountDownLatch(1);

        @Override
        public void stateChanged(ConnectionState state, String detail) {
            states.add(state);
            transitions.add(state + (detail.isEmpty() ? "" : ": " + detail));
        }

        @Override
        public void raceStarted(ServerMessage.RaceStart start) {
            raceStarted.countDown();
        }

        @Override
        public void authenticated(ServerMessage.AuthOk authOk) {
            if (authOk.race() != null && "running".equals(authOk.race().status())) {
                raceStarted.countDown();
            }
        }

        @Override
        public void acknowledged(String messageId) {
            acks.add(messageId);
        }

        @Override
        public void refused(ServerMessage.Error error) {
            errors.add(error);
        }

        long connections() {
            return states.stream().filter(ConnectionState.CONNECTED::equals).count();
        }
    }

    /** One message of the stream, and whether the server must store an event for it (else: nothing new). */
    record Planned(ModMessage.Gameplay message, boolean mustBeStored) {
    }

    /** A message handed to the overlay's connection, with the id it was given. */
    record Sent(String id, Planned planned) {
    }

    ConfigurableApplicationContext boot() {
        SpeedFogGatewayApplication.disableUpdateChecker();
        return new SpringApplicationBuilder(SpeedFogGatewayApplication.class).run(
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--speedfog.pools.root=" + pools);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void everyMessageIsAppliedExactlyOnceAcrossARestart() throws Exception {
        databaseUrl = TestDatabase.newDatabase("restart_overlay");
        pools = folder.resolve("pools");
        GatewayTestBase.addV4Pool(pools);
        port = GatewayProcess.freePort();

        ConfigurableApplicationContext first = boot();
        toClose.add(first);
        Api organizer = Api.devLogin(port, "restart_orga", "organizer");
        Api runner = Api.devLogin(port, "restart_runner", "user");
        UUID raceId = organizer.raceWith("Restart race", "{}", runner);
        JsonNode packs = organizer.ok(organizer.post("/api/races/" + raceId + "/generate-zips", null)).path("packs");
        Path pack = Packs.downloadAndUnzip(packs.get(0).path("download_url").asText(), folder.resolve("pack"));
        UUID participantId = UUID.fromString(packs.get(0).path("participant_id").asText());
        RaceConfig config = RaceConfigLoader.load(pack);
        assertThat(config.server().url().toString()).isEqualTo("ws://localhost:" + port);

        // The real overlay connection, on the pack's settings, with its outbox in the pack folder.
        Outbox outbox = Outbox.open(Outbox.fileFor(pack, raceId));
        toClose.add(outbox);
        Heard heard = new Heard();
        List<String> log = new CopyOnWriteArrayList<>();
        RaceConnection connection = new RaceConnection(ConnectionOptions.forRace(config.server().url(), raceId,
                config.server().modToken(), "restart-test/1")
                .withRetries(Duration.ofMillis(100), Duration.ofMillis(500))
                .withSendRate(15, 8), outbox, heard, log::add);
        toClose.add(connection);
        connection.start();
        await("connected").atMost(Duration.ofSeconds(20)).until(() -> connection.state() == ConnectionState.CONNECTED);

        List<Sent> sent = new ArrayList<>();
        sent.add(submit(connection, new Planned(new ModMessage.Ready(null), true)));
        await("ready acknowledged").atMost(Duration.ofSeconds(20)).until(() -> outbox.size() == 0);
        organizer.ok(organizer.post("/api/races/" + raceId + "/start", "{\"in_seconds\":1}"));
        assertThat(heard.raceStarted.await(30, TimeUnit.SECONDS)).as("GO reached the overlay").isTrue();

        // The stream: through every gate of a path to the final boss, dying twice in each zone.
        SimulationGraph graph = SimulationGraph.load(pack.resolve("graph.json"));
        List<String> path = new ArrayList<>();
        List<Planned> stream = stream(graph, path);
        int burstFrom = stream.size() / 4;
        int downFrom = stream.size() / 2;
        int upAgainFrom = stream.size() * 3 / 4;

        // 1. Server up: the first quarter, at a steady pace.
        for (int i = 0; i < burstFrom; i++) {
            sent.add(submit(connection, stream.get(i)));
            Thread.sleep(SPACING_MS);
        }
        // 2. A burst while the event store is locked: the gateway takes the first message and waits for
        //    the store, the others wait behind it. The gateway is stopped (as on SIGTERM) right then: new
        //    work is refused at once, the message being stored is let finish, the rest is not touched.
        await("everything so far acknowledged").atMost(Duration.ofSeconds(20)).until(() -> outbox.size() == 0);
        List<String> unacknowledgedAtStop;
        CompletableFuture<Void> stopping;
        try (Connection lock = DriverManager.getConnection(databaseUrl)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table domain_event_entry in exclusive mode");
            for (int i = burstFrom; i < downFrom; i++) {
                sent.add(submit(connection, stream.get(i)));
            }
            await("the gateway storing the burst's first message").atMost(Duration.ofSeconds(20))
                    .until(() -> waitingForTheEventStore(databaseUrl) > 0);
            stopping = CompletableFuture.runAsync(first::close);
            Api.Answer refused = await("the stop refusing new requests").atMost(Duration.ofSeconds(20))
                    .until(() -> Api.anonymous(port).get("/api/races"), answer -> answer.status() == 503);
            assertThat(refused.body().path("code").asText()).as("a problem detail").isEqualTo("unavailable");
            assertThat(handshakeStatus(config.server().url().resolve("/ws/mod/" + raceId))).as("a new socket").isEqualTo(503);
            assertThat(connection.state()).as("the open socket waits for the message in flight").isEqualTo(ConnectionState.CONNECTED);
            lock.rollback();
        }
        stopping.get(30, TimeUnit.SECONDS);
        unacknowledgedAtStop = outbox.pending().stream().map(OutboxEntry::messageId).toList();
        List<String> behindTheFirst = sent.subList(sent.size() - (downFrom - burstFrom) + 1, sent.size()).stream()
                .map(Sent::id).toList();
        assertThat(unacknowledgedAtStop).as("the burst after its first message is unacknowledged").containsAll(behindTheFirst);
        Set<String> storedAtStop;
        try (Connection db = DriverManager.getConnection(databaseUrl)) {
            storedAtStop = StoredEvents.of(db, participantId).countByMessageId().keySet();
        }
        assertThat(storedAtStop).as("the stop handled nothing that arrived after it began").doesNotContainAnyElementsOf(behindTheFirst);

        // 3. Server down: the overlay was told (1001 going away) and keeps playing; its messages wait in the outbox on disk.
        await("the overlay notices").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(connection.state()).as("overlay states: %s", heard.transitions).isEqualTo(ConnectionState.RECONNECTING));
        assertThat(heard.transitions).as("the overlay was told the server is going away")
                .anyMatch(t -> t.contains("closed by the server (1001"));
        for (int i = downFrom; i < upAgainFrom; i++) {
            sent.add(submit(connection, stream.get(i)));
            Thread.sleep(SPACING_MS);
        }
        assertThat(connection.state()).isEqualTo(ConnectionState.RECONNECTING);
        List<String> madeWhileDown = sent.subList(sent.size() - (upAgainFrom - downFrom), sent.size()).stream()
                .map(Sent::id).toList();
        Path journalCopy = folder.resolve("journal-copy.jsonl");
        java.nio.file.Files.copy(outbox.file(), journalCopy);
        try (Outbox onDisk = Outbox.open(journalCopy)) {
            assertThat(onDisk.pending()).extracting(OutboxEntry::messageId).as("waiting on disk")
                    .containsAll(madeWhileDown).containsAll(unacknowledgedAtStop);
        }

        // 4. The same gateway again, same port and database: the overlay reconnects and resends.
        ConfigurableApplicationContext second = boot();
        toClose.add(second);
        for (int i = upAgainFrom; i < stream.size(); i++) {
            sent.add(submit(connection, stream.get(i)));
            Thread.sleep(SPACING_MS);
        }
        await("everything acknowledged").atMost(Duration.ofSeconds(40)).until(() -> outbox.size() == 0);
        assertThat(heard.connections()).as("authenticated again after the restart").isGreaterThanOrEqualTo(2);
        assertThat(heard.errors).as("no message refused: %s", log).isEmpty();
        assertThat(heard.acks).containsAll(sent.stream().map(Sent::id).toList());

        await("the race finishes by itself").atMost(Duration.ofSeconds(20)).until(() ->
                organizer.ok(organizer.get("/api/races/" + raceId)).path("race").path("status").asText().equals("finished"));

        // Exactly once, in the event store itself.
        JsonNode me = organizer.ok(organizer.get("/api/races/" + raceId)).path("participants").get(0);
        StoredEvents stored;
        try (Connection db = DriverManager.getConnection(databaseUrl)) {
            stored = StoredEvents.of(db, participantId);
        }
        Map<String, Long> perId = stored.countByMessageId();
        Set<String> ours = sent.stream().map(Sent::id).collect(Collectors.toSet());
        assertThat(perId.keySet()).as("only our messages are stored").isSubsetOf(ours);
        for (Sent message : sent) {
            long count = perId.getOrDefault(message.id(), 0L);
            if (message.planned().mustBeStored()) {
                assertThat(count).as("%s stored exactly once", message.planned().message()).isEqualTo(1L);
            } else {
                assertThat(count).as("%s stored at most once", message.planned().message()).isLessThanOrEqualTo(1L);
            }
        }
        List<String> walked = path.subList(1, path.size());
        assertThat(stored.nodesEntered()).as("every zone, in order, once").containsExactlyElementsOf(walked);
        long deathCheckpoints = stored.ofType("StatusCheckpointed").stream()
                .filter(e -> e.payload().path("deathCount").asInt(e.payload().path("death_count").asInt()) > 0).count();
        assertThat(deathCheckpoints).as("one checkpoint per death").isEqualTo(2L * walked.size());
        assertThat(stored.ofType("ParticipantFinished")).hasSize(1);

        // The read side agrees after the restart.
        List<String> history = new ArrayList<>();
        me.path("zone_history").forEach(v -> history.add(v.path("node_id").isNull() ? null : v.path("node_id").asText()));
        assertThat(history.subList(1, history.size())).containsExactlyElementsOf(walked);
        assertThat(me.path("death_count").asInt()).isEqualTo(2 * walked.size());
        assertThat(me.path("status").asText()).isEqualTo("finished");

        System.out.printf("restart test: %d messages, %d unacknowledged at the stop (of which %d stored by then), "
                        + "%d connections%n", sent.size(), unacknowledgedAtStop.size(),
                unacknowledgedAtStop.stream().filter(storedAtStop::contains).count(), heard.connections());
    }

    /** Backends of the test database waiting for a lock on the event store. */
    static int waitingForTheEventStore(String databaseUrl) throws java.sql.SQLException {
        try (Connection db = DriverManager.getConnection(databaseUrl);
             java.sql.ResultSet rs = db.createStatement().executeQuery("select count(*) from pg_locks where not granted "
                     + "and relation = 'domain_event_entry'::regclass")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The HTTP status a WebSocket handshake to {@code uri} is answered with (101 when it opens). */
    static int handshakeStatus(java.net.URI uri) throws InterruptedException {
        try {
            java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(uri, new java.net.http.WebSocket.Listener() { }).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("the handshake failed without an answer", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer to the handshake within 10 s", e);
        }
    }

    private static Sent submit(RaceConnection connection, Planned planned) {
        return new Sent(connection.submit(planned.message()), planned);
    }

    /**
     * A run through the graph from the start to the final boss along the first gate of each zone: in
     * each zone a death, a status with nothing new, a second death, then the gate; the finish last.
     * IGT only grows. {@code path} receives the nodes visited, the start first.
     */
    static List<Planned> stream(SimulationGraph graph, List<String> path) {
        List<Planned> messages = new ArrayList<>();
        String node = graph.startNode();
        path.add(node);
        long igt = 10_000;
        int deaths = 0;
        while (!node.equals(graph.finalNode())) {
            messages.add(new Planned(new ModMessage.StatusUpdate(igt += 4_000, ++deaths, null, null, null), true));
            // No death and far from the next IGT checkpoint (60 s): acknowledged, stores nothing.
            messages.add(new Planned(new ModMessage.StatusUpdate(igt += 4_000, deaths, null, null, null), false));
            messages.add(new Planned(new ModMessage.StatusUpdate(igt += 4_000, ++deaths, null, null, null), true));
            SimulationGraph.Gate gate = graph.node(node).exits().get(0);
            messages.add(new Planned(new ModMessage.EventFlag(gate.flagId(), igt += 4_000, null), true));
            node = gate.to();
            path.add(node);
        }
        messages.add(new Planned(new ModMessage.Finished(igt + 30_000, null), true));
        return messages;
    }
}
