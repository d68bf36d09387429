package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.reliability.GatewayProcess;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped for 10 s in the middle of a race while two players keep sending. The gateway
 * answers with errors, promptly (no hang, no crash), its health says the database is down, the
 * overlays keep their messages; when PostgreSQL is back everything lands exactly once, the race
 * finishes by itself and the read models equal a rebuild.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DatabaseOutageMidRaceTest {

    static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A PostgreSQL of this test's own (the shared one must not stop), kept on disk across a stop. */
    private EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(30)).start();
    }

    @Test
    void theRaceGoesOnAfterTheDatabaseComesBack() throws Exception {
        Path data = folder.resolve("postgres");
        int postgresPort = GatewayProcess.freePort();
        postgres = startPostgres(data, postgresPort);
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement create = admin.createStatement()) {
            create.execute("create database outage");
        }
        String databaseUrl = postgres.getJdbcUrl(TestDatabase.USER, "outage");
        Path pools = folder.resolve("pools");
        GatewayTestBase.addV4Pool(pools);
        int port = GatewayProcess.freePort();
        GatewayProcess gateway = GatewayProcess.start("outage", port, databaseUrl, pools, Path.of("target", "node-logs"));
        toClose.add(gateway);

        Api organizer = Api.devLogin(port, "outage_orga", "admin");
        Api[] runners = {Api.devLogin(port, "outage_runner_0", "user"), Api.devLogin(port, "outage_runner_1", "user")};
        UUID raceId = organizer.raceWith("Outage race", "{}", runners);
        OverlayPlayers race = OverlayPlayers.readyAndStarted(organizer, raceId, folder, toClose);
        int length = race.length();
        int downFrom = length / 3;
        int upAgainFrom = length * 2 / 3;

        // 1. Up: a steady pace, everything acknowledged.
        for (int i = 0; i < downFrom; i++) {
            race.submitAll(i);
            Thread.sleep(60);
        }
        race.awaitAllAcknowledged(Duration.ofSeconds(20));
        List<List<String>> ackedBeforeTheOutage = race.players.stream().map(p -> List.copyOf(p.heard().acks)).toList();

        // 2. PostgreSQL stops; the players keep playing for the whole outage.
        long stoppedAt = System.nanoTime();
        postgres.close();
        postgres = null;
        int during = upAgainFrom - downFrom;
        for (int i = downFrom; i < upAgainFrom; i++) {
            race.submitAll(i);
            Thread.sleep(OUTAGE.toMillis() / 2 / during);
        }
        long answeredIn = System.nanoTime();
        Api.Answer refused = organizer.get("/api/races/" + raceId);
        Duration refusalTook = Duration.ofNanos(System.nanoTime() - answeredIn);
        assertThat(refused.status()).as("an error, not a hang: %s", refused).isEqualTo(503);
        assertThat(refused.body().path("code").asText()).isEqualTo("unavailable");
        assertThat(refusalTook).as("answered promptly").isLessThan(Duration.ofSeconds(8));
        HttpResponse<String> health = gateway.health();
        assertThat(health.statusCode()).as("health while the database is away").isEqualTo(503);
        JsonNode components = Wire.mapper().readTree(health.body()).path("components");
        assertThat(components.path("db").path("status").asText()).as("health body: %s", health.body()).isEqualTo("DOWN");
        assertThat(gateway.isAlive()).as("the gateway did not crash").isTrue();
        assertThat(race.pending()).as("messages kept in the overlays' outboxes").isGreaterThan(0);
        int pendingDuringOutage = race.pending();

        Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis()));
        // 3. PostgreSQL is back, same files, same port.
        postgres = startPostgres(data, postgresPort);
        for (int i = upAgainFrom; i < length; i++) {
            race.submitAll(i);
            Thread.sleep(60);
        }
        race.awaitAllAcknowledged(Duration.ofSeconds(90));
        await("the race finishes by itself").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                organizer.ok(organizer.get("/api/races/" + raceId)).path("race").path("status").asText().equals("finished"));
        await("healthy again").atMost(Duration.ofSeconds(30)).until(() -> gateway.health().statusCode() == 200);

        try (Connection db = DriverManager.getConnection(databaseUrl, TestDatabase.USER, null)) {
            race.assertExactlyOnce(db, ackedBeforeTheOutage);
            OverlayPlayers.assertReadModelsEqualARebuild(organizer, db);
        }
        race.assertNoTokenLogged(gateway.log, organizer, runners[0], runners[1]);
        System.out.printf("database outage test: %d players, %d messages, %d waiting in outboxes during the %d s outage, "
                        + "refusal answered in %d ms, lost 0, doubled 0%n", race.players.size(), race.sent(),
                pendingDuringOutage, OUTAGE.toSeconds(), refusalTook.toMillis());
    }
}
