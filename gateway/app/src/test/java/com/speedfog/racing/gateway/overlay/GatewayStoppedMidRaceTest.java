package com.speedfog.racing.gateway.overlay;

import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.reliability.GatewayProcess;
import com.speedfog.racing.gateway.ws.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on its zero-configuration default (its own embedded PostgreSQL in a data folder, durable:
 * fsync, synchronous commit and full-page writes on) stopped
 * with SIGTERM, as Ctrl+C or a service manager stops it, in the middle of a race with three players
 * sending through the real overlay connection: it exits within 10 s, in the documented order, without
 * one ERROR line or stack trace in its log; every overlay is told it is going away (1001); and after a
 * restart on the same folder every message a player saw acknowledged is in the event store, the rest
 * come from the outboxes, nothing is applied twice.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GatewayStoppedMidRaceTest {

    static final int PLAYERS = 3;
    static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    /** A stack trace's frame or cause line. */
    private static final Pattern STACK_TRACE = Pattern.compile("^\\s+at \\S+\\(.*\\)$|^\\s*Caused by: |^\\s+\\.\\.\\. \\d+ more$");

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
    void aStopMidRaceIsQuickCleanAndLosesNothing() throws Exception {
        Path pools = folder.resolve("pools");
        GatewayTestBase.addV4Pool(pools);
        Path data = folder.resolve("postgres");
        int port = GatewayProcess.freePort();
        int databasePort = GatewayProcess.freePort();
        Path logs = Path.of("target", "node-logs");
        GatewayProcess first = GatewayProcess.startEmbedded("stopped-first", port, data, databasePort, pools, logs);
        toClose.add(first);
        String database = "jdbc:postgresql://localhost:" + databasePort + "/speedfog";
        try (Connection db = DriverManager.getConnection(database, "postgres", null)) {
            assertDurable(db);
        }

        Api organizer = Api.devLogin(port, "stopped_orga", "admin");
        OverlayPlayers race = OverlayPlayers.newRace(organizer, port, "stopped", PLAYERS, folder, toClose);

        int length = race.length();
        int burstFrom = length / 4;
        int downFrom = length / 2;
        int upAgainFrom = length * 3 / 4;
        // 1. Up: a steady pace.  2. A burst from everyone, and SIGTERM while it is in flight.
        race.submitAll(0, burstFrom, 60);
        race.submitAll(burstFrom, downFrom, 0);
        Duration stopped = first.stop(Duration.ofSeconds(60));
        List<List<String>> ackedBeforeTheStop = race.players.stream().map(p -> List.copyOf(p.heard().acks)).toList();
        int unacknowledgedAtStop = race.pending();
        assertThat(stopped).as("exited after SIGTERM within a minute:\n%s", first.logTail(80)).isNotNull();
        assertThat(stopped).as("the stop's duration").isLessThan(STOP_LIMIT);
        List<String> log = Files.readAllLines(first.log);
        assertQuiet(log);
        assertInOrder(log, "Stopping: new requests and sockets are refused (503)",
                "socket(s) closed with 1001 going away",
                "Commencing graceful shutdown",
                "Stopping PooledStreamingEventProcessor",
                "Shutting down Scheduler",
                "speedfog-embedded - Shutdown completed",
                "shut down postmaster");
        for (OverlayPlayers.Player player : race.players) {
            await("the overlay notices").atMost(Duration.ofSeconds(10)).until(() ->
                    player.heard().transitions.stream().anyMatch(t -> t.startsWith("RECONNECTING")));
            assertThat(player.heard().transitions).as("told the server is going away")
                    .anyMatch(t -> t.contains("closed by the server (1001"));
        }

        // 3. Down: the players keep playing into their outboxes.
        race.submitAll(downFrom, upAgainFrom, 30);
        // 4. The gateway again, same port and data folder.
        GatewayProcess second = GatewayProcess.startEmbedded("stopped-second", port, data, databasePort, pools, logs);
        toClose.add(second);
        race.submitAll(upAgainFrom, length, 60);
        race.awaitAllAcknowledged(Duration.ofSeconds(60));
        race.awaitFinished(organizer, Duration.ofSeconds(30));
        try (Connection db = DriverManager.getConnection(database, "postgres", null)) {
            race.assertExactlyOnce(db, ackedBeforeTheStop);
        }
        Duration stoppedAgain = second.stop(Duration.ofSeconds(60));
        assertThat(stoppedAgain).as("the second stop's duration").isNotNull().isLessThan(STOP_LIMIT);
        assertQuiet(Files.readAllLines(second.log));
        System.out.printf("SIGTERM test: %d players, stopped mid-race in %d ms with %d message(s) unacknowledged, "
                        + "%d acknowledged before the stop, lost 0, doubled 0; stopped at the end in %d ms%n",
                PLAYERS, stopped.toMillis(), unacknowledgedAtStop, ackedBeforeTheStop.stream().mapToInt(List::size).sum(),
                stoppedAgain.toMillis());
    }

    /** The server's own database runs durable: every commit on disk before it is answered, torn pages repairable. */
    static void assertDurable(Connection db) throws java.sql.SQLException {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            try (java.sql.Statement show = db.createStatement(); java.sql.ResultSet value = show.executeQuery("show " + setting)) {
                value.next();
                assertThat(value.getString(1)).as(setting).isEqualTo("on");
            }
        }
    }

    /** Not one ERROR line nor a stack trace in a node's log. */
    static void assertQuiet(List<String> log) {
        assertThat(log).as("lines saying ERROR").noneMatch(line -> line.contains("ERROR"));
        assertThat(log).as("stack trace lines").noneMatch(line -> STACK_TRACE.matcher(line).find());
    }

    /** Each marker appears in the log, after the one before it. */
    static void assertInOrder(List<String> log, String... markers) {
        int from = 0;
        for (String marker : markers) {
            int at = -1;
            for (int i = from; i < log.size(); i++) {
                if (log.get(i).contains(marker)) {
                    at = i;
                    break;
                }
            }
            assertThat(at).as("'%s' logged after '%s' in:\n%s", marker, from == 0 ? "the start" : log.get(from),
                    String.join("\n", log.subList(Math.max(0, log.size() - 60), log.size()))).isGreaterThanOrEqualTo(0);
            from = at;
        }
    }
}
