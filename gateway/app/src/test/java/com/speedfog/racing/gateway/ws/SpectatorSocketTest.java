package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Spectators: counts, what each role may see, and the message limits. */
class SpectatorSocketTest extends GatewayTestBase {

    @LocalServerPort
    int port;

    @Test
    void spectatorsAreCountedAsTheyComeAndGo() {
        Api organizer = Api.devLogin(port, "count_org", "organizer");
        UUID race = organizer.raceWith("Count race", "{}");
        try (WsClient first = WsClient.connect(port, "/ws/race/" + race)) {
            first.await("spectator_count", c -> c.path("count").asInt() == 1);
            try (WsClient second = WsClient.connect(port, "/ws/race/" + race)) {
                first.await("spectator_count", c -> c.path("count").asInt() == 2);
                second.await("spectator_count", c -> c.path("count").asInt() == 2);
            }
            first.await("spectator_count", c -> c.path("count").asInt() == 1);
        }
    }

    @Test
    void aRunningPlayerSeesNoGraphUntilTheyAreDone() {
        Api organizer = Api.devLogin(port, "vis_org", "organizer");
        Api runner = Api.devLogin(port, "vis_runner", "user");
        Api other = Api.devLogin(port, "vis_other", "user");
        UUID race = organizer.raceWith("Visibility race", "{\"countdown_seconds\":3}", runner, other);
        List<String> tokens = organizer.modTokens(race);
        try (WsClient spectator = WsClient.connect(port, "/ws/race/" + race);
             WsClient runnersPage = WsClient.connect(port, "/ws/race/" + race);
             WsClient runnerMod = WsClient.connect(port, "/ws/mod/" + race);
             WsClient otherMod = WsClient.connect(port, "/ws/mod/" + race)) {
            assertThat(spectator.await("race_state").path("seed").path("hidden").asBoolean()).isTrue();
            runnersPage.send("{\"type\":\"auth\",\"token\":\"" + runner.token() + "\"}");
            runnerMod.send("{\"type\":\"auth\",\"mod_token\":\"" + tokens.get(0) + "\"}").await("auth_ok");
            otherMod.send("{\"type\":\"auth\",\"mod_token\":\"" + tokens.get(1) + "\"}").await("auth_ok");
            organizer.ok(organizer.post("/api/races/" + race + "/start", "{\"in_seconds\":1}"));
            runnerMod.await("race_start");
            otherMod.await("race_start");
            otherMod.send("{\"type\":\"zone_entered\",\"to_zone\":\"academy\",\"igt_ms\":60000,\"message_id\":\"z\"}").await("ack");

            JsonNode forSpectator = spectator.await("race_state", s -> s.path("race").path("status").asText().equals("running"));
            assertThat(forSpectator.path("seed").path("graph_json").isObject()).isTrue();
            JsonNode forRunner = runnersPage.await("race_state", s -> s.path("race").path("status").asText().equals("running"));
            assertThat(forRunner.path("seed").path("hidden").asBoolean()).isTrue();
            assertThat(forRunner.path("seed").path("graph_json").isMissingNode()).isTrue();
            JsonNode otherSeenByRunner = runnersPage.await("player_update",
                    p -> p.path("player").path("name").asText().equals("vis_other") && p.path("player").path("igt_ms").asLong() == 60_000);
            assertThat(otherSeenByRunner.path("player").path("current_zone").isMissingNode()
                    || otherSeenByRunner.path("player").path("current_zone").isNull()).as("no positions for a racer").isTrue();

            runnerMod.send("{\"type\":\"finished\",\"igt_ms\":90000,\"message_id\":\"f\"}").await("ack");
            JsonNode afterFinish = runnersPage.await("race_state", s -> s.path("seed").path("graph_json").isObject());
            assertThat(afterFinish.path("seed").path("hidden").isMissingNode()).isTrue();
        }
    }

    @Test
    void aFloodIsRateLimitedAndTheConnectionSurvives() {
        Api organizer = Api.devLogin(port, "flood_org", "organizer");
        Api flooder = Api.devLogin(port, "flood_player", "user");
        UUID race = organizer.raceWith("Flood race", "{}", flooder);
        String token = organizer.modTokens(race).get(0);
        try (WsClient mod = WsClient.connect(port, "/ws/mod/" + race)) {
            mod.send("{\"type\":\"auth\",\"mod_token\":\"" + token + "\"}").await("auth_ok");
            for (int i = 0; i < 150; i++) {
                mod.send("{\"type\":\"pong\"}");
            }
            assertThat(mod.await("error", e -> e.path("code").asText().equals("rate_limited")).path("message").asText())
                    .contains("a second");
            assertThat(mod.closed.isDone()).isFalse();
        }
    }
}
