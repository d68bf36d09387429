package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded fuzzing of both sockets and the HTTP API (seeded, so a failure replays) while a race is run
 * by a well-behaved player: no 5xx for a client's mistake, every bad frame answered with a coded error,
 * nothing stored from garbage, and the race in progress finishes normally.
 */
class FuzzTest extends GatewayTestBase {

    static final long SEED = 20261122L;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final Random random = new Random(SEED);

    String randomText(int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(0x2FF) + 1));
        }
        return text.toString();
    }

    String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "") + "\"";
    }

    /** Frames a confused, buggy or hostile client might send. */
    List<Supplier<String>> modFrames() {
        List<Supplier<String>> frames = new ArrayList<>();
        frames.add(() -> randomText(200));
        frames.add(() -> "{\"type\":\"zone_entered\",\"to_zone\":" + quoted(randomText(40)) + ",\"igt_ms\":" + random.nextLong() + "}");
        frames.add(() -> "{\"type\":\"status_update\",\"igt_ms\":\"" + randomText(10).replace("\"", "") + "\",\"death_count\":[]}");
        frames.add(() -> "{\"type\":\"status_update\",\"igt_ms\":1e30,\"death_count\":-4}");
        frames.add(() -> "{\"type\":\"event_flag\",\"flag_id\":" + random.nextLong() + ",\"igt_ms\":5}");
        frames.add(() -> "{\"type\":" + quoted(randomText(12)) + "}");
        frames.add(() -> "{\"type\":null}");
        frames.add(() -> "[" + "[".repeat(random.nextInt(200)) + "]");
        frames.add(() -> "{\"type\":\"ready\",\"x\":" + "{\"a\":".repeat(50) + "1" + "}".repeat(50) + "}");
        frames.add(() -> "{\"type\":\"finished\",\"igt_ms\":" + random.nextInt() + ",\"message_id\":" + quoted("<script>" + randomText(5)) + "}");
        frames.add(() -> "{\"type\":\"zone_query\",\"position\":[" + random.nextDouble() + "],\"map_id\":\"x\"}");
        frames.add(() -> "{\"type\":\"auth\",\"mod_token\":" + quoted(randomText(64)) + "}");
        frames.add(() -> "{\"type\":\"zone_entered\",\"to_zone\":\"" + "a".repeat(20_000) + "\",\"igt_ms\":1}");
        frames.add(() -> "{\"type\":\"status_update\"" + ",\"unknown_" + random.nextInt(99) + "\":true}");
        return frames;
    }

    @Test
    void garbageEverywhereWhileARaceRuns() {
        Api organizer = Api.devLogin(port, "fuzz_org", "organizer");
        Api honest = Api.devLogin(port, "fuzz_honest", "user");
        Api fuzzer = Api.devLogin(port, "fuzz_fuzzer", "user");
        UUID race = organizer.raceWith("Fuzz race", "{\"countdown_seconds\":3}", honest, fuzzer);
        List<String> tokens = organizer.modTokens(race);
        long honestEventsBefore;

        try (WsClient good = WsClient.connect(port, "/ws/mod/" + race)) {
            good.send("{\"type\":\"auth\",\"mod_token\":\"" + tokens.get(0) + "\"}").await("auth_ok");
            organizer.ok(organizer.post("/api/races/" + race + "/start", "{\"in_seconds\":1}"));
            good.await("race_start");

            // The fuzzing player's mod: every frame answered with an error or an ack, the socket stays open.
            List<Supplier<String>> frames = modFrames();
            int sent = 0;
            int answered = 0;
            for (int round = 0; round < 6; round++) {
                try (WsClient bad = WsClient.connect(port, "/ws/mod/" + race)) {
                    bad.send("{\"type\":\"auth\",\"mod_token\":\"" + tokens.get(1) + "\"}").await("auth_ok");
                    for (int i = 0; i < 40; i++) {
                        String frame = frames.get(random.nextInt(frames.size())).get();
                        if (frame.contains("\"type\":\"auth\"")) {
                            continue; // a bad auth ends the connection by design (4003); tried on its own below
                        }
                        bad.send(frame);
                        sent++;
                    }
                    long errors = 0;
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        errors = bad.seen().stream().filter(m -> m.path("type").asText().matches("error|ack")).count();
                        if (errors >= sent - answered) {
                            break;
                        }
                        Thread.onSpinWait();
                    }
                    answered += (int) errors;
                    assertThat(bad.closed.isDone()).as("the socket survives garbage").isFalse();
                    assertThat(bad.seen()).filteredOn(m -> m.path("type").asText().equals("error"))
                            .allSatisfy(e -> assertThat(e.path("code").asText()).isNotEmpty());
                }
            }
            assertThat(answered).as("every frame was answered").isEqualTo(sent);

            // Meanwhile the honest player races on and finishes.
            good.send("{\"type\":\"zone_entered\",\"to_zone\":\"academy\",\"igt_ms\":60000,\"message_id\":\"z1\"}")
                    .await("ack", a -> a.path("message_id").asText().equals("z1"));
            good.send("{\"type\":\"finished\",\"igt_ms\":120000,\"message_id\":\"fin\"}")
                    .await("ack", a -> a.path("message_id").asText().equals("fin"));
        }

        // HTTP: no 5xx for any of it.
        List<String> bodies = List.of("{", "[]", "null", "\"text\"", "{\"name\":123,\"pool_name\":[]}",
                "{\"name\":\"<img src=x onerror=alert(1)>\",\"pool_name\":\"v4\"}", "{\"name\":\"" + "x".repeat(5000) + "\",\"pool_name\":\"v4\"}",
                "{\"name\":\"ok\",\"pool_name\":\"../../etc\"}", "{\"name\":\"ok\",\"pool_name\":\"v4\",\"config\":{\"max_participants\":-1}}",
                "{\"name\":\"ok\",\"pool_name\":\"v4\",\"config\":{\"countdown_seconds\":\"soon\"}}",
                "{\"name\":\"ok\",\"pool_name\":\"v4\",\"scheduled_start\":\"yesterday\"}",
                "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001));
        List<String> paths = List.of("/api/races", "/api/races/" + race, "/api/races/not-a-uuid", "/api/races/" + race + "/participants",
                "/api/races/" + race + "/start", "/api/races/" + UUID.randomUUID() + "/open", "/api/races/" + race + "/download/..%2F..%2Fetc",
                "/api/invite/%00", "/api/admin/seeds/discard", "/api/auth/dev-login");
        List<String> fiveHundreds = new ArrayList<>();
        for (String path : paths) {
            for (String body : bodies) {
                for (String method : List.of("POST", "PATCH", "GET")) {
                    Api.Answer answer = organizer.call(method, path, method.equals("GET") ? null : body);
                    if (answer.status() >= 500) {
                        fiveHundreds.add(method + " " + path + " " + body.substring(0, Math.min(60, body.length())) + " -> " + answer);
                    }
                }
            }
        }
        assertThat(fiveHundreds).isEmpty();

        // The fuzzing player may have "finished" by chance; if not, they give up, and the race ends by itself.
        fuzzer.post("/api/races/" + race + "/abandon", null);
        JsonNode detail = null;
        for (int i = 0; i < 200; i++) {
            detail = Api.anonymous(port).get("/api/races/" + race).body();
            if (detail.path("race").path("status").asText().equals("finished")) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(detail.path("race").path("status").asText()).as("the race finished normally").isEqualTo("finished");
        Integer markup = jdbc.queryForObject("select count(*) from race_view where name like '%<%'", Integer.class);
        assertThat(markup).as("no markup stored").isZero();
        assertThat(Api.anonymous(port).get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
    }
}
