package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.speedfog.racing.gateway.GatewayTestBase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole race by clients that know only PROTOCOL.md: the organizer logs in with Twitch (a real OAuth
 * server on loopback), creates a race, adds three players, generates packs; each pack is unzipped for its
 * token; three mods connect and ready up; the organizer starts with a 3 s countdown; the mods send zones,
 * flags, deaths and finishes; a spectator sees it all in order; the race finishes by itself.
 */
class WholeRaceTest extends GatewayTestBase {

    static final String CLIENT_ID = "speedfog-test-client";
    static final MockOAuth2Server OAUTH = new MockOAuth2Server();
    static final TwitchStandIn HELIX;

    static {
        OAUTH.start();
        try {
            HELIX = new TwitchStandIn(CLIENT_ID);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void twitch(DynamicPropertyRegistry registry) {
        registry.add("speedfog.identity.twitch.client-id", () -> CLIENT_ID);
        registry.add("speedfog.identity.twitch.client-secret", () -> "test-secret");
        registry.add("speedfog.identity.twitch.authorization-uri", () -> OAUTH.authorizationEndpointUrl("twitch").toString());
        registry.add("speedfog.identity.twitch.token-uri", () -> OAUTH.tokenEndpointUrl("twitch").toString());
        registry.add("speedfog.identity.twitch.users-uri", HELIX::usersUrl);
        registry.add("speedfog.identity.twitch.jwk-set-uri", () -> OAUTH.jwksUrl("twitch").toString());
        registry.add("speedfog.identity.twitch.issuer-uri", () -> OAUTH.issuerUrl("twitch").toString());
    }

    @AfterAll
    static void stop() {
        OAUTH.shutdown();
        HELIX.close();
    }

    @LocalServerPort
    int port;

    Browser login(String twitchId, String login) {
        OAUTH.enqueueCallback(new DefaultOAuth2TokenCallback("twitch", twitchId, "JWT", List.of(CLIENT_ID),
                Map.of("login", login, "display_name", login.toUpperCase()), 3600));
        Browser browser = new Browser(port);
        HttpResponse<String> landed = browser.visit("/api/auth/twitch");
        assertThat(landed.uri().getPath()).as("back home after Twitch").isEqualTo("/");
        Api.Answer me = browser.get("/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("login").asText()).isEqualTo(login);
        assertThat(me.body().path("twitch_id").asText()).isEqualTo(twitchId);
        return browser;
    }

    @Test
    void theLoginFlowGoesThroughTwitchAndTheDevLoginIsGone() {
        int helixCalls = HELIX.calls.get();
        Browser browser = login("1001", "flow_tester");
        assertThat(HELIX.calls.get()).as("Helix /users was asked with the Client-Id header").isGreaterThan(helixCalls);
        assertThat(browser.get("/api/auth/me").body().path("avatar_url").asText()).endsWith("flow_tester.png");
        // A state-changing call from the session needs the CSRF token.
        assertThat(browser.post("/api/auth/token", null, false).status()).isEqualTo(403);
        assertThat(browser.post("/api/auth/token", null, true).status()).isEqualTo(200);
        // With Twitch configured the development login does not exist.
        assertThat(Api.anonymous(port).post("/api/auth/dev-login", "{\"username\":\"x\"}").status()).isEqualTo(404);
        assertThat(browser.post("/api/auth/logout", null, true).status()).isEqualTo(204);
        assertThat(browser.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void aWholeRaceEndToEnd() throws Exception {
        Browser organizer = login("2001", "race_orga");
        List<String> players = List.of("player_one", "player_two", "player_three");
        for (int i = 0; i < players.size(); i++) {
            login(String.valueOf(3001 + i), players.get(i));
        }
        JsonNode race = organizer.post("/api/races", "{\"name\":\"Whole race\",\"pool_name\":\"v4\","
                + "\"config\":{\"countdown_seconds\":3,\"show_finished_names\":true}}", true).body();
        String raceId = race.path("race").path("id").asText();
        for (String player : players) {
            assertThat(organizer.post("/api/races/" + raceId + "/participants", "{\"twitch_username\":\"" + player + "\"}", true)
                    .status()).isEqualTo(201);
        }
        JsonNode packs = organizer.post("/api/races/" + raceId + "/generate-zips", null, true).body().path("packs");
        assertThat(packs).hasSize(3);

        // Each player downloads their pack and the test reads the token from it, as the overlay would.
        Map<String, String> tokenByName = new HashMap<>();
        for (JsonNode pack : packs) {
            Map<String, byte[]> files = unzip(pack.path("download_url").asText());
            assertThat(files.keySet()).anyMatch(name -> name.endsWith("graph.json")).anyMatch(name -> name.endsWith("regulation.bin"));
            byte[] tomlBytes = files.entrySet().stream().filter(e -> e.getKey().endsWith("speedfog_race.toml"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            JsonNode toml = new TomlMapper().readTree(tomlBytes);
            assertThat(toml.path("server").path("race_id").asText()).isEqualTo(raceId);
            assertThat(toml.path("server").path("url").asText()).isEqualTo("ws://localhost:" + port);
            tokenByName.put(pack.path("display_name").asText(), toml.path("server").path("mod_token").asText());
        }

        try (WsClient spectator = WsClient.connect(port, "/ws/race/" + raceId)) {
            JsonNode state = spectator.await("race_state");
            assertThat(state.path("participants")).hasSize(3);
            assertThat(state.path("seed").path("hidden").asBoolean()).as("the DAG is hidden before the start").isTrue();

            List<WsClient> mods = new ArrayList<>();
            for (String player : players) {
                WsClient mod = WsClient.connect(port, "/ws/mod/" + raceId);
                mod.send("{\"type\":\"auth\",\"mod_token\":\"" + tokenByName.get(player.toUpperCase()) + "\"}");
                mod.await("auth_ok");
                mod.send("{\"type\":\"ready\",\"message_id\":\"ready\"}");
                mod.await("ack");
                mods.add(mod);
            }
            organizer.post("/api/races/" + raceId + "/start", "{}", true);
            for (WsClient mod : mods) {
                assertThat(mod.await("race_status_change").path("status").asText()).isEqualTo("countdown");
                mod.await("race_start");
            }
            JsonNode running = spectator.await("race_state", s -> s.path("race").path("status").asText().equals("running"));
            assertThat(running.path("seed").path("graph_json").path("nodes").size()).as("spectators see the DAG at GO").isEqualTo(16);

            // Player one: the racing mod's way (event flags from graph v4), dying twice in the academy.
            WsClient one = mods.get(0);
            long igt = 0;
            for (long flag : new long[]{1040292801, 1040292802, 1040292804, 1040292805, 1040292806}) {
                igt += 60_000;
                one.send("{\"type\":\"event_flag\",\"flag_id\":" + flag + ",\"igt_ms\":" + igt + ",\"message_id\":\"f" + flag + "\"}");
                one.await("ack", a -> a.path("message_id").asText().equals("f" + flag));
                if (flag == 1040292801) {
                    one.send("{\"type\":\"status_update\",\"igt_ms\":" + (igt + 5000) + ",\"death_count\":2,\"message_id\":\"d1\"}");
                    one.await("ack", a -> a.path("message_id").asText().equals("d1"));
                }
            }
            one.send("{\"type\":\"event_flag\",\"flag_id\":1040292819,\"igt_ms\":3600000,\"message_id\":\"finish\"}");
            one.await("ack", a -> a.path("message_id").asText().equals("finish"));

            // Player two: the original design's way (zone names, then finished).
            WsClient two = mods.get(1);
            String[] zones = {"liurnia_manor", "siofra_nokron_gargoyles", "flamepeak_grave_boss"};
            for (int i = 0; i < zones.length; i++) {
                two.send("{\"type\":\"zone_entered\",\"to_zone\":\"" + zones[i] + "\",\"igt_ms\":" + (70_000 * (i + 1))
                        + ",\"message_id\":\"z" + i + "\"}");
                two.await("zone_update");
            }
            two.send("{\"type\":\"finished\",\"igt_ms\":3700000,\"message_id\":\"done\"}");
            two.await("ack", a -> a.path("message_id").asText().equals("done"));

            // Player three: a status update that carries its zone, then finishes.
            WsClient three = mods.get(2);
            three.send("{\"type\":\"status_update\",\"igt_ms\":50000,\"death_count\":1,\"current_zone\":\"academy\",\"message_id\":\"s\"}");
            three.await("zone_update");
            three.send("{\"type\":\"finished\",\"igt_ms\":3800000,\"message_id\":\"end\"}");
            three.await("ack", a -> a.path("message_id").asText().equals("end"));

            assertThat(spectator.await("race_status_change", s -> s.path("status").asText().equals("finished"))).isNotNull();
            JsonNode board = spectator.await("leaderboard_update", b -> b.path("participants").path(2).path("finished").asBoolean());
            assertThat(board.path("participants")).extracting(p -> p.path("name").asText())
                    .containsExactly("PLAYER_ONE", "PLAYER_TWO", "PLAYER_THREE");
            assertThat(board.path("participants").path(1).path("gap_ms").asLong()).isEqualTo(100_000L);

            // The spectator saw player one move through the graph in order.
            List<String> path = spectator.seen().stream().filter(m -> m.path("type").asText().equals("player_update"))
                    .map(m -> m.path("player")).filter(p -> p.path("name").asText().equals("PLAYER_ONE"))
                    .map(p -> p.path("current_zone").asText()).filter(z -> !z.isEmpty() && !z.equals("null")).distinct().toList();
            assertThat(path).containsExactly("academy_d5a9", "siofra_nokron_gargoyles_fd23", "flamepeak_grave_boss_1624",
                    "outskirts_grave_ed1c", "stormveil_db4a");
            JsonNode finalState = Api.anonymous(port).get("/api/races/" + raceId).body();
            assertThat(finalState.path("race").path("status").asText()).isEqualTo("finished");
            assertThat(finalState.path("race").path("forced_by").isNull() || finalState.path("race").path("forced_by").isMissingNode()).isTrue();
            JsonNode playerOne = finalState.path("participants").path(0);
            assertThat(playerOne.path("zone_history").path(1).path("deaths").asInt()).as("deaths counted in the academy").isEqualTo(2);
            mods.forEach(WsClient::close);
        }
    }

    private static Map<String, byte[]> unzip(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("zip");
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }
}
