package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.protocol.Wire;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spoilers by viewer: a player still racing, however they are identified (browser session, API token,
 * mod token), learns no rival's position and no hidden finisher's name through any endpoint or socket;
 * an anonymous spectator sees what the design shows spectators.
 */
class NoSpoilersTest extends GatewayTestBase {

    @LocalServerPort
    int port;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPlayerStillRacingLearnsNoRivalsPositionOrHiddenNameAnywhere() throws Exception {
        Api organizer = Api.devLogin(port, "spoil_org", "organizer");
        Api fast = Api.devLogin(port, "spoil_fast", "user");
        Api slow = Api.devLogin(port, "spoil_slow", "user");
        Api.devLogin(port, "spoil_racer", "user");
        Api racerUser = Api.devLogin(port, "spoil_racer", "user");
        UUID race = organizer.raceWith("Spoilers", "{\"countdown_seconds\":3,\"show_finished_names\":false}",
                fast, slow, racerUser);
        List<String> modTokens = organizer.modTokens(race);

        Browser racerBrowser = new Browser(port);
        assertThat(racerBrowser.post("/api/auth/dev-login", "{\"username\":\"spoil_racer\",\"role\":\"user\"}", false).status())
                .isEqualTo(200);
        Api racer = Api.devLogin(port, "spoil_racer", "user"); // a fresh API token, after the browser's login

        try (WsClient anonymous = WsClient.connect(port, "/ws/race/" + race);
             WsClient byToken = WsClient.connect(port, "/ws/race/" + race);
             WsClient bySession = WsClient.connect(port, "/ws/race/" + race, racerBrowser.cookieHeader());
             WsClient fastMod = mod(race, modTokens.get(0));
             WsClient slowMod = mod(race, modTokens.get(1));
             WsClient racerMod = mod(race, modTokens.get(2))) {
            byToken.send("{\"type\":\"auth\",\"token\":\"" + racer.token() + "\"}");
            organizer.ok(organizer.post("/api/races/" + race + "/start", "{\"in_seconds\":1}"));
            for (WsClient mod : List.of(fastMod, slowMod, racerMod)) {
                mod.await("race_start");
            }
            fastMod.send("{\"type\":\"zone_entered\",\"to_zone\":\"academy\",\"igt_ms\":60000,\"message_id\":\"z1\"}").await("ack");
            slowMod.send("{\"type\":\"zone_entered\",\"to_zone\":\"stormveil\",\"igt_ms\":70000,\"message_id\":\"z2\"}").await("ack");
            fastMod.send("{\"type\":\"finished\",\"igt_ms\":90000,\"message_id\":\"f\"}").await("ack");

            // The anonymous spectator sees where the rivals went (the design shows spectators positions) ...
            String fastNode = anonymous.await("player_update", p -> p.path("player").path("name").asText().equals("spoil_fast")
                    && p.path("player").path("status").asText().equals("finished")).path("player").path("current_zone").asText();
            String slowNode = anonymous.seen().stream().filter(p -> p.path("type").asText().equals("player_update")
                            && p.path("player").path("name").asText().equals("spoil_slow") && p.path("player").path("current_zone").isTextual())
                    .map(p -> p.path("player").path("current_zone").asText()).findFirst().orElseThrow();
            assertThat(fastNode).isNotBlank();
            assertThat(slowNode).isNotBlank();
            assertThat(anonymous.await("leaderboard_update", this::hasAFinisher).path("participants"))
                    .anyMatch(e -> e.path("name").asText().equals("spoil_fast"));
            assertThat(get(null, "/api/races/" + race)).contains(fastNode, slowNode);
            assertThat(get(null, "/api/races/" + race + "/timeline")).contains(fastNode, "ParticipantFinished");

            // ... the player still racing, by whatever identifies them, does not.
            Map<String, String> seenByRacer = new LinkedHashMap<>();
            for (String path : List.of("", "/timeline", "/events?format=jsonl", "/events?format=csv")) {
                seenByRacer.put("token GET " + path, get(racer.token(), "/api/races/" + race + path));
                HttpResponse<String> viaSession = racerBrowser.visit("/api/races/" + race + path);
                assertThat(viaSession.statusCode()).isEqualTo(200);
                seenByRacer.put("session GET " + path, viaSession.body());
            }
            seenByRacer.put("race list", get(racer.token(), "/api/races?status=running"));
            for (Map.Entry<String, WsClient> socket : Map.of("token socket", byToken, "session socket", bySession,
                    "mod socket", racerMod).entrySet()) {
                socket.getValue().await("leaderboard_update", this::hasAFinisher);
                seenByRacer.put(socket.getKey(), socket.getValue().seen().toString());
                for (JsonNode frame : socket.getValue().seen()) {
                    assertNoHiddenName(socket.getKey(), frame);
                }
            }
            assertThat(byToken.seen()).anyMatch(f -> f.path("type").asText().equals("race_state")
                    && f.path("race").path("status").asText().equals("running") && f.path("seed").path("hidden").asBoolean());
            assertThat(bySession.seen()).anyMatch(f -> f.path("type").asText().equals("race_state")
                    && f.path("race").path("status").asText().equals("running") && f.path("seed").path("hidden").asBoolean());
            seenByRacer.forEach((where, text) -> {
                assertThat(text).as(where).doesNotContain(fastNode).doesNotContain(slowNode)
                        .doesNotContain("ParticipantFinished").doesNotContain("spoil_fast finished");
                if (text.startsWith("{") || text.startsWith("[")) {
                    assertNoHiddenName(where, json(text));
                }
            });

            // Once their own run is over, the same player sees it all.
            racerMod.send("{\"type\":\"finished\",\"igt_ms\":120000,\"message_id\":\"rf\"}").await("ack");
            JsonNode after = byToken.await("race_state", s -> !s.path("seed").path("hidden").asBoolean());
            assertThat(after.toString()).contains(fastNode, slowNode);
            assertThat(get(racer.token(), "/api/races/" + race + "/timeline")).contains(fastNode, "ParticipantFinished");
        }
    }

    private WsClient mod(UUID race, String token) {
        WsClient client = WsClient.connect(port, "/ws/mod/" + race);
        client.send("{\"type\":\"auth\",\"mod_token\":\"" + token + "\"}").await("auth_ok");
        return client;
    }

    private boolean hasAFinisher(JsonNode board) {
        List<JsonNode> entries = new ArrayList<>();
        board.path("participants").forEach(entries::add);
        return entries.stream().anyMatch(e -> e.path("finished").asBoolean());
    }

    /** No finished rival is named anywhere in this JSON (leaderboard entries, participants). */
    private static void assertNoHiddenName(String where, JsonNode node) {
        if (node.isObject()) {
            boolean finished = node.path("finished").asBoolean() || node.path("status").asText().equals("finished");
            if (finished && (node.has("name") || node.has("display_name"))) {
                assertThat(node.path("name").asText("") + node.path("display_name").asText(""))
                        .as(where + ": a finisher's name in " + node).isIn("", "nullnull", "null");
            }
        }
        node.forEach(child -> assertNoHiddenName(where, child));
    }

    private static JsonNode json(String text) {
        try {
            return Wire.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private String get(String apiToken, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (apiToken != null) {
            request.header("Authorization", "Bearer " + apiToken);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
