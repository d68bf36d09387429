package com.speedfog.racing.gateway.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.gateway.ws.WsClient;
import com.speedfog.racing.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway processes on one PostgreSQL: players on node A, spectators on node B (and on A, to
 * compare), the organizer on either. Node B's spectators get every update, in order; commands for one
 * race arriving on both nodes at once all land (optimistic concurrency, retried); the read models'
 * segments are split between the nodes through token_entry, and when A is killed B takes them all.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TwoNodesOneDatabaseTest {

    static final int PLAYERS = 3;
    static final int DEATHS_EACH = 25;

    @TempDir
    Path folder;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String databaseUrl;

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @Test
    void playersOnOneNodeSpectatorsOnTheOther() throws Exception {
        databaseUrl = TestDatabase.newDatabase("two_nodes");
        Path pools = folder.resolve("pools");
        GatewayTestBase.addV4Pool(pools);
        GatewayProcess a = closing(GatewayProcess.start("node-a", GatewayProcess.freePort(), databaseUrl, pools, Path.of("target", "node-logs")));
        GatewayProcess b = closing(GatewayProcess.start("node-b", GatewayProcess.freePort(), databaseUrl, pools, Path.of("target", "node-logs")));

        // The organizer works on A; players register on B.
        Api organizerOnA = Api.devLogin(a.port, "nodes_org", "organizer");
        Api organizerOnB = organizerOnA.at(b.port);
        Api[] players = new Api[PLAYERS];
        for (int i = 0; i < PLAYERS; i++) {
            players[i] = Api.devLogin(b.port, "nodes_player_" + i, "user");
        }
        UUID raceId = organizerOnA.raceWith("Two nodes race", "{\"countdown_seconds\":3}", players);
        List<String> tokens = organizerOnB.modTokens(raceId);

        WsClient spectatorOnB = closing(WsClient.connect(b.port, "/ws/race/" + raceId));
        WsClient spectatorOnA = closing(WsClient.connect(a.port, "/ws/race/" + raceId));
        spectatorOnB.await("race_state");
        spectatorOnA.await("race_state");
        List<WsClient> mods = new ArrayList<>();
        for (String token : tokens) {
            WsClient mod = closing(WsClient.connect(a.port, "/ws/mod/" + raceId));
            mod.send("{\"type\":\"auth\",\"mod_token\":\"" + token + "\"}").await("auth_ok");
            mod.send("{\"type\":\"ready\",\"message_id\":\"ready\"}").await("ack");
            mods.add(mod);
        }
        organizerOnB.ok(organizerOnB.post("/api/races/" + raceId + "/start", "{\"in_seconds\":1}"));
        mods.forEach(mod -> mod.await("race_start"));

        // Every player dies again and again; each death is a stored change pushed to spectators.
        for (int death = 1; death <= DEATHS_EACH; death++) {
            for (WsClient mod : mods) {
                mod.send("{\"type\":\"status_update\",\"igt_ms\":" + (10_000 + death * 2_000) + ",\"death_count\":" + death
                        + ",\"message_id\":\"d" + death + "\"}");
            }
            Thread.sleep(20);
        }
        for (WsClient mod : mods) {
            mod.await("ack", ack -> ack.path("message_id").asText().equals("d" + DEATHS_EACH));
        }

        Map<String, List<Integer>> seenOnB = awaitDeaths(spectatorOnB);
        Map<String, List<Integer>> seenOnA = awaitDeaths(spectatorOnA);
        assertThat(seenOnB).hasSize(PLAYERS);
        for (Map.Entry<String, List<Integer>> player : seenOnB.entrySet()) {
            List<Integer> deaths = player.getValue();
            assertThat(deaths).as("node B, player %s: in order, none skipped", player.getKey())
                    .isSorted().doesNotHaveDuplicates();
            assertThat(new HashSet<>(deaths)).as("every death seen on node B").containsAll(range(1, DEATHS_EACH));
            assertThat(deaths).as("node B saw what node A saw").isEqualTo(seenOnA.get(player.getKey()));
        }

        // Commands for one race from both nodes at once: all of them land.
        int each = 8;
        Api[] joiners = new Api[2 * each];
        for (int i = 0; i < joiners.length; i++) {
            joiners[i] = Api.devLogin(i % 2 == 0 ? a.port : b.port, "nodes_joiner_" + i, "user");
        }
        UUID busyRace = UUID.fromString(organizerOnA.ok(organizerOnA.post("/api/races",
                "{\"name\":\"Busy race\",\"pool_name\":\"v4\",\"config\":{\"max_participants\":40}}")).path("race").path("id").asText());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < joiners.length; i++) {
            Api organizer = i % 2 == 0 ? organizerOnA : organizerOnB;
            String login = joiners[i].login();
            answers.add(pool.submit(() -> organizer.post("/api/races/" + busyRace + "/participants",
                    "{\"twitch_username\":\"" + login + "\"}")));
        }
        for (Future<Api.Answer> answer : answers) {
            Api.Answer registered = answer.get(60, TimeUnit.SECONDS);
            assertThat(registered.status()).as("every registration succeeds: %s", registered).isEqualTo(201);
        }
        pool.shutdown();
        try (Connection db = DriverManager.getConnection(databaseUrl, TestDatabase.USER, null)) {
            List<Long> sequence = longs(db, "select sequence_number from domain_event_entry where aggregate_identifier = '"
                    + busyRace + "' order by sequence_number");
            assertThat(sequence).as("one unbroken event stream for the race").isEqualTo(
                    java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
        }
        await("both nodes list every registration").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(organizerOnA.ok(organizerOnA.get("/api/races/" + busyRace)).path("participants")).hasSize(2 * each);
            assertThat(organizerOnB.ok(organizerOnB.get("/api/races/" + busyRace)).path("participants")).hasSize(2 * each);
        });

        // The read models' segments are split between the two nodes.
        await("segments shared").atMost(Duration.ofSeconds(60)).until(() -> owners("race-views").size() == 2);
        Map<String, Integer> shared = owners("race-views");
        System.out.printf("two nodes: race-views segments per owner %s; commands retried after a concurrency conflict: "
                + "A %s, B %s%n", shared, retries(organizerOnA), retries(organizerOnB));

        // Node A dies: B takes every segment over and its spectators keep getting updates.
        a.kill();
        await("B owns every segment").atMost(Duration.ofSeconds(60)).until(() -> owners("race-views").size() == 1
                && owners("race-timeline").size() == 1);
        WsClient modOnB = closing(WsClient.connect(b.port, "/ws/mod/" + raceId));
        modOnB.send("{\"type\":\"auth\",\"mod_token\":\"" + tokens.get(0) + "\"}").await("auth_ok");
        modOnB.send("{\"type\":\"status_update\",\"igt_ms\":200000,\"death_count\":99,\"message_id\":\"after-a\"}").await("ack");
        spectatorOnB.await("player_update", u -> u.path("player").path("death_count").asInt() == 99);
    }

    /** How many commands this node sent again after losing an optimistic-concurrency race. */
    private static String retries(Api admin) {
        Api.Answer answer = admin.get("/actuator/metrics/speedfog.commands.concurrency.retries");
        return answer.status() == 200 ? answer.body().path("measurements").get(0).path("value").asText() : "unknown (" + answer.status() + ")";
    }

    /** Death counts per player, in the order the spectator got them, once the last one arrived for everyone. */
    private static Map<String, List<Integer>> awaitDeaths(WsClient spectator) {
        await("every player's last death seen").atMost(Duration.ofSeconds(30)).until(() ->
                deaths(spectator).values().stream().filter(d -> d.contains(DEATHS_EACH)).count() == PLAYERS);
        return deaths(spectator);
    }

    private static Map<String, List<Integer>> deaths(WsClient spectator) {
        Map<String, List<Integer>> byPlayer = new LinkedHashMap<>();
        for (JsonNode frame : spectator.seen()) {
            if (frame.path("type").asText().equals("player_update")) {
                JsonNode player = frame.path("player");
                int deaths = player.path("death_count").asInt();
                if (deaths > 0) {
                    List<Integer> list = byPlayer.computeIfAbsent(player.path("id").asText(), k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != deaths) {
                        list.add(deaths); // the same participant pushed again for another reason (IGT, connection)
                    }
                }
            }
        }
        return byPlayer;
    }

    private Map<String, Integer> owners(String processor) throws Exception {
        Map<String, Integer> owners = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(databaseUrl, TestDatabase.USER, null);
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("select owner from token_entry where processor_name = '" + processor
                     + "' and owner is not null")) {
            while (rs.next()) {
                owners.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return owners;
    }

    private static List<Long> longs(Connection db, String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> values = new HashSet<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
