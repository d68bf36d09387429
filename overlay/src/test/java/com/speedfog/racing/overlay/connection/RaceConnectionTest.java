package com.speedfog.racing.overlay.connection;

import com.speedfog.racing.overlay.testing.Eventually;
import com.speedfog.racing.overlay.testing.FakeRaceServer;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The race connection against a real WebSocket server on loopback. */
@Timeout(60)
class RaceConnectionTest {

    @TempDir
    Path folder;

    private FakeRaceServer server;
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void stateChanged(ConnectionState state, String detail) {
            events.add(state);
        }

        @Override
        public void authenticated(ServerMessage.AuthOk authOk) {
            events.add(authOk);
        }

        @Override
        public void refused(ServerMessage.Error error) {
            events.add(error);
        }

        @Override
        public void leaderboardChanged(ServerMessage.LeaderboardUpdate update) {
            events.add(update);
        }

        @Override
        public void zoneChanged(ServerMessage.ZoneUpdate update) {
            events.add(update);
        }
    };

    @BeforeEach
    void startServer() throws InterruptedException {
        server = FakeRaceServer.started();
    }

    @AfterEach
    void stopEverything() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        server.close();
    }

    private Outbox outbox() throws IOException {
        Outbox outbox = Outbox.open(Outbox.fileFor(folder, FakeRaceServer.RACE));
        toClose.add(outbox);
        return outbox;
    }

    private RaceConnection connect(Outbox outbox, String token) {
        ConnectionOptions options = ConnectionOptions.forRace(server.baseUrl(), FakeRaceServer.RACE, token, "test/1")
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(400));
        RaceConnection connection = new RaceConnection(options, outbox, listener, line -> { });
        toClose.add(connection);
        connection.start();
        return connection;
    }

    private long count(Predicate<Object> which) {
        return events.stream().filter(which).count();
    }

    private static ModMessage.StatusUpdate status(long igt) {
        return new ModMessage.StatusUpdate(igt, 0, null, null, null);
    }

    @Test
    void authenticatesFirstWithTokenProtocolVersionAndClientVersion() throws IOException {
        RaceConnection connection = connect(outbox(), FakeRaceServer.TOKEN);

        Eventually.await("connected", () -> connection.state() == ConnectionState.CONNECTED);
        ModMessage first = server.connection(0).received.get(0);
        assertThat(first).isEqualTo(new ModMessage.Auth(FakeRaceServer.TOKEN, 1, "test/1"));
        assertThat(server.connection(0).path).isEqualTo("/ws/mod/" + FakeRaceServer.RACE);
        assertThat(count(ServerMessage.AuthOk.class::isInstance)).isEqualTo(1);
    }

    @Test
    void anAckRemovesTheMessageFromTheOutbox() throws IOException {
        Outbox outbox = outbox();
        RaceConnection connection = connect(outbox, FakeRaceServer.TOKEN);

        String a = connection.submit(status(1_000));
        String b = connection.submit(status(2_000));
        String c = connection.submit(new ModMessage.EventFlag(1040292800L, 2_500L, null));

        Eventually.await("all acknowledged", () -> outbox.size() == 0);
        assertThat(server.connection(0).gameplayIds()).containsExactly(a, b, c);
        assertThat(server.connection(0).gameplay().get(2)).isEqualTo(new ModMessage.EventFlag(1040292800L, 2_500L, c));
    }

    @Test
    void messagesWaitingInTheOutboxGoOutInOrderRightAfterAuth() throws IOException {
        Outbox outbox = outbox();
        String a = submitOffline(outbox, status(1));
        String b = submitOffline(outbox, status(2));

        RaceConnection connection = connect(outbox, FakeRaceServer.TOKEN);
        String c = connection.submit(status(3));

        Eventually.await("acknowledged", () -> outbox.size() == 0);
        assertThat(server.connection(0).received.get(0)).isInstanceOf(ModMessage.Auth.class);
        assertThat(server.connection(0).gameplayIds()).containsExactly(a, b, c);
    }

    private static String submitOffline(Outbox outbox, ModMessage.Gameplay message) throws IOException {
        String id = MessageIds.newId();
        outbox.add(new OutboxEntry(id, com.speedfog.racing.protocol.Wire.write(MessageIds.withId(message, id))));
        return id;
    }

    @Test
    void aDroppedConnectionIsReopenedAndOnlyTheUnacknowledgedMessagesAreResentExactlyOnce() throws IOException {
        Outbox outbox = outbox();
        RaceConnection connection = connect(outbox, FakeRaceServer.TOKEN);
        String acked = connection.submit(status(1_000));
        Eventually.await("first acknowledged", () -> outbox.size() == 0);

        server.acknowledging(false);
        String b = connection.submit(status(2_000));
        String c = connection.submit(new ModMessage.EventFlag(1040292801L, 2_100L, null));
        Eventually.await("both arrived unacknowledged", () -> server.connection(0).gameplayIds().size() == 3);
        server.acknowledging(true);
        server.dropAll();

        Eventually.await("reconnected and acknowledged", () -> server.connections().size() == 2 && outbox.size() == 0);
        sleep(300); // anything sent twice would arrive in this time
        FakeRaceServer.Connection second = server.connection(1);
        assertThat(second.received.get(0)).isInstanceOf(ModMessage.Auth.class);
        assertThat(second.gameplayIds()).containsExactly(b, c);
        assertThat(server.connections()).hasSize(2);
        assertThat(server.applied()).extracting(ModMessage.Gameplay::messageId).containsExactly(acked, b, c);
        assertThat(count(ServerMessage.AuthOk.class::isInstance)).as("resynced from a fresh auth_ok").isEqualTo(2);
        assertThat(events).contains(ConnectionState.RECONNECTING);
    }

    @Test
    void aRestartedOverlaySendsWhatTheLastRunLeftUnacknowledged() throws IOException {
        Outbox first = Outbox.open(Outbox.fileFor(folder, FakeRaceServer.RACE));
        server.acknowledging(false);
        RaceConnection before = new RaceConnection(ConnectionOptions.forRace(server.baseUrl(), FakeRaceServer.RACE,
                FakeRaceServer.TOKEN, "test/1"), first, listener, line -> { });
        before.start();
        String a = before.submit(status(1_000));
        String b = before.submit(new ModMessage.Finished(90_000L, null));
        Eventually.await("sent", () -> !server.connections().isEmpty() && server.connection(0).gameplayIds().size() == 2);
        before.close();
        first.close();
        server.acknowledging(true);

        Outbox reopened = outbox();
        assertThat(reopened.size()).isEqualTo(2);
        connect(reopened, FakeRaceServer.TOKEN);

        Eventually.await("resent and acknowledged", () -> reopened.size() == 0);
        assertThat(server.last().gameplayIds()).containsExactly(a, b);
        assertThat(server.applied()).extracting(ModMessage.Gameplay::messageId).containsExactly(a, b);
    }

    @Test
    void anErrorNamingAMessageIsFinalForThatMessage() throws IOException {
        Outbox outbox = outbox();
        server.refuseFlags(Set.of(999L));
        RaceConnection connection = connect(outbox, FakeRaceServer.TOKEN);

        String refused = connection.submit(new ModMessage.EventFlag(999L, 5_000L, null));
        connection.submit(status(6_000));

        Eventually.await("outbox empty", () -> outbox.size() == 0);
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(
                new ServerMessage.Error("unknown_flag", "no such flag", refused)));
    }

    @Test
    void aMessageTheServerCouldNotStoreNowStaysAndIsSentAgainAfterReconnecting() throws IOException {
        Outbox outbox = outbox();
        RaceConnection connection = connect(outbox, FakeRaceServer.TOKEN);
        Eventually.await("connected", () -> connection.state() == ConnectionState.CONNECTED);
        // A database down for a moment: both messages are refused as "not stored now".
        server.failNext(2, "unavailable");

        String a = connection.submit(new ModMessage.EventFlag(1040292800L, 5_000L, null));
        String b = connection.submit(status(6_000));

        Eventually.await("stored after all", () -> outbox.size() == 0);
        assertThat(server.applied()).extracting(ModMessage.Gameplay::messageId).containsExactly(a, b);
        assertThat(server.connections()).as("reopened to send it again").hasSizeGreaterThanOrEqualTo(2);
        assertThat(server.last().gameplayIds()).startsWith(a);
        assertThat(events).contains(ConnectionState.RECONNECTING);
    }

    @Test
    void rateLimitedAndInternalErrorsAreNotFinalEither() throws IOException {
        for (String code : List.of("rate_limited", "internal_error")) {
            Outbox outbox = Outbox.open(folder.resolve(code + ".jsonl"));
            toClose.add(outbox);
            RaceConnection connection = connect(outbox, FakeRaceServer.TOKEN);
            Eventually.await("connected", () -> connection.state() == ConnectionState.CONNECTED);
            server.failNext(1, code);
            String id = connection.submit(status(1_000));
            Eventually.await(code + ": stored after all", () -> outbox.size() == 0);
            assertThat(server.applied()).extracting(ModMessage.Gameplay::messageId).contains(id);
            connection.close();
        }
    }

    @Test
    void aLongOutboxIsSentAtTheSendRate() throws IOException {
        Outbox outbox = outbox();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(submitOffline(outbox, status(1_000L * i)));
        }
        ConnectionOptions options = ConnectionOptions.forRace(server.baseUrl(), FakeRaceServer.RACE, FakeRaceServer.TOKEN,
                "test/1").withSendRate(20, 5);
        RaceConnection connection = new RaceConnection(options, outbox, listener, line -> { });
        toClose.add(connection);
        connection.start();

        Eventually.await("all acknowledged", () -> outbox.size() == 0);
        assertThat(server.applied()).extracting(ModMessage.Gameplay::messageId).containsExactlyElementsOf(ids);
        List<Long> arrivals = server.gameplayArrivals();
        // 5 at once, then 20 more at 20 a second: about one second, never a burst past the limit. The bounds
        // are loose: a loaded machine may hold back an early arrival and so bring arrivals closer together,
        // by far less than a burst past the limit would (all at once).
        assertThat(Duration.ofNanos(arrivals.get(24) - arrivals.get(0))).isGreaterThan(Duration.ofMillis(500));
        for (int i = 10; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 10)))
                    .as("ten messages after the burst take about half a second").isGreaterThan(Duration.ofMillis(100));
        }
    }

    @Test
    void everyAuthOkIsFollowedByAZoneQueryWhoseAnswerFillsTheZoneAfterReconnectsToo() throws IOException {
        ServerMessage.ZoneUpdate stored = new ServerMessage.ZoneUpdate("academy_d5a9", "Academy of Raya Lucaria", 3, 1,
                List.of(new ServerMessage.Exit("fog gate to Valiant Gargoyles", "Valiant Gargoyles", false)));
        server.zone(stored);
        Outbox outbox = outbox();
        String waiting = submitOffline(outbox, status(1_000));
        ModMessage.ZoneQuery here = new ModMessage.ZoneQuery(0x3C2A2400L, List.of(1.5, -2.25, 100.0), null, null, null);
        RaceConnection connection = new RaceConnection(ConnectionOptions.forRace(server.baseUrl(), FakeRaceServer.RACE,
                FakeRaceServer.TOKEN, "test/1").withRetries(Duration.ofMillis(50), Duration.ofMillis(400)), outbox, listener, line -> { });
        toClose.add(connection);
        connection.whereAmI(() -> here);
        connection.start();

        Eventually.await("the stored zone", () -> events.contains(stored) && outbox.size() == 0);
        FakeRaceServer.Connection first = server.connection(0);
        assertThat(first.received.get(0)).isInstanceOf(ModMessage.Auth.class);
        assertThat(first.received.get(1)).as("asked right after auth_ok, before the outbox").isEqualTo(here);
        assertThat(first.gameplayIds()).as("a query is not gameplay: not in the outbox").containsExactly(waiting);

        server.dropAll();
        Eventually.await("asked again after reconnecting", () -> server.connections().size() == 2
                && server.connection(1).zoneQueries().size() == 1 && count(stored::equals) == 2);
        sleep(300);
        assertThat(server.connection(1).zoneQueries()).containsExactly(here);
        assertThat(server.connection(1).gameplayIds()).as("nothing resent").isEmpty();
        assertThat(server.applied()).extracting(ModMessage.Gameplay::messageId).containsExactly(waiting);
    }

    @Test
    void aZoneQueryTheServerCannotAnswerChangesNothing() throws IOException {
        RaceConnection connection = connect(outbox(), FakeRaceServer.TOKEN);
        Eventually.await("asked", () -> !server.connections().isEmpty() && server.connection(0).zoneQueries().size() == 1);
        String id = connection.submit(status(1_000));

        Eventually.await("acknowledged", () -> connection.pendingMessages() == 0);
        assertThat(server.connection(0).zoneQueries()).containsExactly(new ModMessage.ZoneQuery(null, null, null, null, null));
        assertThat(server.connection(0).gameplayIds()).containsExactly(id);
        assertThat(events).noneMatch(ServerMessage.ZoneUpdate.class::isInstance);
    }

    @Test
    void pingIsAnsweredWithPong() throws IOException {
        RaceConnection connection = connect(outbox(), FakeRaceServer.TOKEN);
        Eventually.await("connected", () -> connection.state() == ConnectionState.CONNECTED);

        server.send(new ServerMessage.Ping());

        Eventually.await("pong", () -> server.connection(0).received.contains(new ModMessage.Pong()));
    }

    @Test
    void serverPushesReachTheListener() throws IOException {
        RaceConnection connection = connect(outbox(), FakeRaceServer.TOKEN);
        Eventually.await("connected", () -> connection.state() == ConnectionState.CONNECTED);

        ServerMessage.LeaderboardUpdate update = new ServerMessage.LeaderboardUpdate(List.of(
                new ServerMessage.LeaderboardEntry("p-2", "Rival", "finished", 12, 3_600_000, 4, true, null, 1)), null);
        server.send(update);

        Eventually.await("leaderboard", () -> events.contains(update));
    }

    @Test
    void aRefusedTokenStopsRetrying() throws IOException {
        RaceConnection connection = connect(outbox(), "not-the-token");

        Eventually.await("refused", () -> connection.state() == ConnectionState.REFUSED);
        sleep(600); // the retry delay is 50 ms: any retry would have happened
        assertThat(server.connections()).hasSize(1);
        assertThat(connection.state()).isEqualTo(ConnectionState.REFUSED);
    }

    @Test
    void closeCode4003AloneAlsoStopsRetrying() throws IOException {
        server.closeEveryConnectionWith(4003);
        RaceConnection connection = connect(outbox(), FakeRaceServer.TOKEN);

        Eventually.await("refused", () -> connection.state() == ConnectionState.REFUSED);
        sleep(600);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void beingReplacedByANewerConnectionStopsRetrying() throws IOException {
        RaceConnection connection = connect(outbox(), FakeRaceServer.TOKEN);
        Eventually.await("connected", () -> connection.state() == ConnectionState.CONNECTED);

        server.closeAll(4009, "replaced by a newer connection");

        Eventually.await("replaced", () -> connection.state() == ConnectionState.REPLACED);
        sleep(600);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void theDelayBetweenAttemptsDoublesUpToTheCeiling() throws IOException {
        server.closeEveryConnectionWith(1011);
        connect(outbox(), FakeRaceServer.TOKEN);

        Eventually.await("seven attempts", Duration.ofSeconds(20), () -> server.connections().size() >= 7);
        List<Long> gaps = new ArrayList<>();
        List<FakeRaceServer.Connection> attempts = server.connections();
        for (int i = 1; i < 7; i++) {
            gaps.add((attempts.get(i).openedAtNanos - attempts.get(i - 1).openedAtNanos) / 1_000_000);
        }
        long[] expected = {50, 100, 200, 400, 400, 400};
        for (int i = 0; i < expected.length; i++) {
            assertThat(gaps.get(i)).as("gap %d of %s", i, gaps).isBetween(expected[i] - 5, expected[i] + 250);
        }
        assertThat(gaps.get(3)).as("grew: %s", gaps).isGreaterThan(gaps.get(0) * 4);
    }

    @Test
    void anUnreachableServerIsRetriedUntilItComes() throws Exception {
        int port = server.getPort();
        server.close();
        Outbox outbox = outbox();
        ConnectionOptions options = ConnectionOptions.forRace(java.net.URI.create("ws://127.0.0.1:" + port),
                FakeRaceServer.RACE, FakeRaceServer.TOKEN, "test/1").withRetries(Duration.ofMillis(50), Duration.ofMillis(200));
        RaceConnection connection = new RaceConnection(options, outbox, listener, line -> { });
        toClose.add(connection);
        connection.start();
        String id = connection.submit(status(1));

        Eventually.await("retrying", () -> count(ConnectionState.RECONNECTING::equals) >= 2);
        assertThat(outbox.contains(id)).isTrue();
        connection.close();
    }

    @Test
    void theSocketUrlIsTheServerBaseWithTheRacePath() {
        java.util.UUID race = FakeRaceServer.RACE;
        assertThat(ConnectionOptions.modSocket(java.net.URI.create("ws://localhost:8080"), race))
                .hasToString("ws://localhost:8080/ws/mod/" + race);
        assertThat(ConnectionOptions.modSocket(java.net.URI.create("wss://race.example.org/"), race))
                .hasToString("wss://race.example.org/ws/mod/" + race);
        assertThat(ConnectionOptions.modSocket(java.net.URI.create("wss://example.org/speedfog"), race))
                .hasToString("wss://example.org/speedfog/ws/mod/" + race);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
