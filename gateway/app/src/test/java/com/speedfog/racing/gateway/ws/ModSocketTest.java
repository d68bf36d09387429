package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.projection.ProjectionWaits;
import com.speedfog.racing.projections.race.RaceReadModel;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.ZoneVisit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mod socket's tricky cases, over real sockets against the running gateway. */
class ModSocketTest extends GatewayTestBase {

    @LocalServerPort
    int port;
    @Autowired
    RaceReadModel races;
    @Autowired
    ReadModelRebuild projections;
    @Autowired
    JdbcTemplate jdbc;

    static int counter;

    record Setup(Api organizer, UUID raceId, List<Api> players, List<String> tokens) {
    }

    Setup race(int players) {
        int n = ++counter;
        Api organizer = Api.devLogin(port, "mod_org_" + n, "organizer");
        Api[] racers = new Api[players];
        for (int i = 0; i < players; i++) {
            racers[i] = Api.devLogin(port, "mod_p" + n + "_" + i, "user");
        }
        UUID raceId = organizer.raceWith("Socket race " + n, "{\"countdown_seconds\":3}", racers);
        return new Setup(organizer, raceId, List.of(racers), organizer.modTokens(raceId));
    }

    WsClient mod(Setup setup, int player) {
        WsClient client = WsClient.connect(port, "/ws/mod/" + setup.raceId());
        client.send("{\"type\":\"auth\",\"mod_token\":\"" + setup.tokens().get(player) + "\"}");
        client.await("auth_ok");
        return client;
    }

    void startNow(Setup setup, WsClient... mods) {
        setup.organizer().ok(setup.organizer().post("/api/races/" + setup.raceId() + "/start", "{\"in_seconds\":1}"));
        for (WsClient mod : mods) {
            mod.await("race_start");
        }
    }

    ParticipantView participant(Setup setup, int player) {
        ProjectionWaits.awaitCaughtUp(projections);
        String userId = setup.players().get(player).user.path("id").asText();
        return races.participants(setup.raceId()).stream().filter(p -> p.userId().equals(userId)).findFirst().orElseThrow();
    }

    @Test
    void authOkCarriesTheRaceTheSeedAndTheLeaderboard() {
        Setup setup = race(2);
        try (WsClient client = WsClient.connect(port, "/ws/mod/" + setup.raceId())) {
            client.send("{\"type\":\"auth\",\"mod_token\":\"" + setup.tokens().get(0) + "\",\"protocol_version\":1}");
            JsonNode ok = client.await("auth_ok");
            assertThat(ok.path("race").path("id").asText()).isEqualTo(setup.raceId().toString());
            assertThat(ok.path("seed").path("total_layers").asInt()).isEqualTo(13);
            assertThat(ok.path("seed").path("finish_event").asLong()).isEqualTo(1040292819L);
            assertThat(ok.path("seed").path("event_ids")).hasSize(20); // the event_map flags and the finish
            assertThat(ok.path("participants")).hasSize(2);
        }
    }

    @Test
    void aBadTokenIsRefusedAndClosed4003() {
        Setup setup = race(1);
        try (WsClient client = WsClient.connect(port, "/ws/mod/" + setup.raceId())) {
            client.send("{\"type\":\"auth\",\"mod_token\":\"stolen-or-made-up\"}");
            assertThat(client.await("auth_error").path("message").asText()).contains("does not open this race");
            assertThat(client.awaitClose()).isEqualTo(4003);
        }
    }

    @Test
    void anotherRacesTokenIsRefused() {
        Setup one = race(1);
        Setup other = race(1);
        try (WsClient client = WsClient.connect(port, "/ws/mod/" + one.raceId())) {
            client.send("{\"type\":\"auth\",\"mod_token\":\"" + other.tokens().get(0) + "\"}");
            client.await("auth_error");
            assertThat(client.awaitClose()).isEqualTo(4003);
        }
    }

    @Test
    void noAuthWithinFiveSecondsCloses4001() {
        Setup setup = race(1);
        try (WsClient client = WsClient.connect(port, "/ws/mod/" + setup.raceId())) {
            assertThat(client.awaitClose()).isEqualTo(4001);
        }
    }

    @Test
    void aSecondConnectionReplacesTheFirst() {
        Setup setup = race(1);
        try (WsClient first = mod(setup, 0); WsClient second = mod(setup, 0)) {
            assertThat(first.awaitClose()).isEqualTo(4009);
            second.send("{\"type\":\"ready\",\"message_id\":\"r1\"}");
            assertThat(second.await("ack").path("message_id").asText()).isEqualTo("r1");
            assertThat(participant(setup, 0).modConnected()).isTrue();
        }
    }

    @Test
    void badFramesGetCodedErrorsAndStoreNothing() {
        Setup setup = race(1);
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        try (WsClient client = mod(setup, 0)) {
            client.send("{this is not json");
            assertThat(client.await("error").path("code").asText()).isEqualTo("bad_json");
            client.send("{\"type\":\"teleport\",\"to\":\"erdtree\"}");
            assertThat(client.await("error").path("code").asText()).isEqualTo("unknown_type");
            client.send("{\"type\":\"zone_entered\",\"igt_ms\":5}");
            assertThat(client.await("error").path("code").asText()).isEqualTo("invalid_message");
            client.send("{\"type\":\"status_update\",\"igt_ms\":\"" + "9".repeat(17_000) + "\",\"death_count\":0}");
            assertThat(client.await("error").path("code").asText()).isEqualTo("frame_too_large");
            client.send("{\"type\":\"status_update\",\"igt_ms\":1000,\"death_count\":0,\"message_id\":\"early\"}");
            JsonNode early = client.await("error");
            assertThat(early.path("code").asText()).isEqualTo("race_not_running");
            assertThat(early.path("message_id").asText()).isEqualTo("early");
        }
        ProjectionWaits.awaitCaughtUp(projections);
        long after = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type not like '%ModConnectionChanged'",
                Long.class);
        long connectionEvents = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%ModConnectionChanged'",
                Long.class);
        assertThat(after + connectionEvents - before).as("only the connect and disconnect were stored").isLessThanOrEqualTo(2);
    }

    @Test
    void zonesFlagsRevisitsDeathsAndDuplicates() {
        Setup setup = race(1);
        try (WsClient client = mod(setup, 0)) {
            client.send("{\"type\":\"ready\",\"message_id\":\"r\"}");
            client.await("ack");
            startNow(setup, client);

            client.send("{\"type\":\"status_update\",\"igt_ms\":10000,\"death_count\":2,\"message_id\":\"s1\"}");
            client.await("ack", a -> a.path("message_id").asText().equals("s1"));
            client.send("{\"type\":\"event_flag\",\"flag_id\":1040292801,\"igt_ms\":60000,\"message_id\":\"f1\"}");
            JsonNode zone = client.await("zone_update");
            assertThat(zone.path("node_id").asText()).isEqualTo("academy_d5a9");
            assertThat(zone.path("layer").asInt()).isEqualTo(1);
            assertThat(zone.path("exits")).isNotEmpty();
            client.await("ack", a -> a.path("message_id").asText().equals("f1"));
            client.send("{\"type\":\"zone_entered\",\"to_zone\":\"siofra_nokron_gargoyles\",\"igt_ms\":120000,\"message_id\":\"z2\"}");
            client.await("ack", a -> a.path("message_id").asText().equals("z2"));
            client.send("{\"type\":\"status_update\",\"igt_ms\":125000,\"death_count\":5,\"message_id\":\"s2\"}");
            client.await("ack", a -> a.path("message_id").asText().equals("s2"));
            // back through a fog gate to layer 1: the layer stays 2
            client.send("{\"type\":\"zone_entered\",\"to_zone\":\"academy\",\"igt_ms\":130000,\"message_id\":\"z3\"}");
            client.await("ack", a -> a.path("message_id").asText().equals("z3"));
            // the same message again: acknowledged again, applied once
            client.send("{\"type\":\"zone_entered\",\"to_zone\":\"academy\",\"igt_ms\":130000,\"message_id\":\"z3\"}");
            client.await("ack", a -> a.path("message_id").asText().equals("z3"));
            client.send("{\"type\":\"event_flag\",\"flag_id\":999,\"igt_ms\":131000,\"message_id\":\"bad-flag\"}");
            assertThat(client.await("error", e -> e.path("message_id").asText().equals("bad-flag")).path("code").asText())
                    .isEqualTo("unknown_flag");
            client.send("{\"type\":\"zone_entered\",\"to_zone\":\"nowhere\",\"igt_ms\":131000,\"message_id\":\"bad-zone\"}");
            assertThat(client.await("error", e -> e.path("message_id").asText().equals("bad-zone")).path("code").asText())
                    .isEqualTo("unknown_zone");
            client.send("{\"type\":\"status_update\",\"igt_ms\":100,\"death_count\":5,\"message_id\":\"back\"}");
            assertThat(client.await("error", e -> e.path("message_id").asText().equals("back")).path("code").asText())
                    .isEqualTo("igt_backwards");

            ParticipantView me = participant(setup, 0);
            assertThat(me.currentLayer()).isEqualTo(2);
            assertThat(me.currentZone()).isEqualTo("academy_d5a9");
            assertThat(me.zoneHistory()).containsExactly(
                    new ZoneVisit(null, 0, 0, 2),
                    new ZoneVisit("academy_d5a9", 1, 60_000, 0),
                    new ZoneVisit("siofra_nokron_gargoyles_fd23", 2, 120_000, 3),
                    new ZoneVisit("academy_d5a9", 1, 130_000, 0));

            client.send("{\"type\":\"event_flag\",\"flag_id\":1040292819,\"igt_ms\":200000,\"message_id\":\"fin\"}");
            client.await("ack", a -> a.path("message_id").asText().equals("fin"));
            client.send("{\"type\":\"zone_entered\",\"to_zone\":\"stormveil\",\"igt_ms\":210000,\"message_id\":\"after\"}");
            assertThat(client.await("error", e -> e.path("message_id").asText().equals("after")).path("code").asText())
                    .isEqualTo("participant_done");
            assertThat(participant(setup, 0).finishIgtMs()).isEqualTo(200_000L);
        }
    }

    @Test
    void noMessageOvertakesOneThatWasRateLimited() throws InterruptedException {
        Setup setup = race(1);
        try (WsClient client = mod(setup, 0)) {
            client.send("{\"type\":\"ready\",\"message_id\":\"r\"}");
            client.await("ack");
            startNow(setup, client);

            // Most of the burst of 60 goes on pongs, which cost nothing to handle: the limit is then reached
            // however long each stored message takes on a loaded machine (up to ~45 ms, where 20 a second
            // of them would never run out of the 20 a second the limit refills).
            for (int i = 0; i < 50; i++) {
                client.send("{\"type\":\"pong\"}");
            }
            int sent = 100;
            for (int i = 0; i < sent; i++) {
                client.send("{\"type\":\"status_update\",\"igt_ms\":" + (1000 * (i + 1)) + ",\"death_count\":" + (i + 1) + ",\"message_id\":\"s" + i + "\"}");
            }
            client.await("error", e -> e.path("message_id").asText().equals("s" + (sent - 1)));
            List<String> acked = answered(client, "ack");
            List<String> refused = answered(client, "error");
            // Everything after the first refused message is refused too: the acked ones are a prefix.
            int firstRefused = acked.size();
            assertThat(firstRefused).isBetween(1, sent - 1);
            for (int i = 0; i < firstRefused; i++) {
                assertThat(acked.get(i)).isEqualTo("s" + i);
            }
            assertThat(refused).containsExactlyElementsOf(java.util.stream.IntStream.range(firstRefused, sent).mapToObj(i -> "s" + i).toList());
            assertThat(client.seen().stream().filter(m -> m.path("type").asText().equals("error"))
                    .map(m -> m.path("code").asText()).distinct().toList()).containsExactly("rate_limited");

            // Sending the refused ones again, in order and at the allowed pace, stores them all.
            Thread.sleep(1000);
            for (int i = firstRefused; i < sent; i++) {
                String id = "s" + i;
                client.send("{\"type\":\"status_update\",\"igt_ms\":" + (1000 * (i + 1)) + ",\"death_count\":" + (i + 1) + ",\"message_id\":\"" + id + "\"}");
                client.await("ack", a -> a.path("message_id").asText().equals(id));
                Thread.sleep(60);
            }
            assertThat(participant(setup, 0).deathCount()).as("every death count stored, none skipped").isEqualTo(sent);
        }
    }

    @Test
    void aZoneQueryAfterReconnectingAnswersWhereThePlayerLastWas() {
        Setup setup = race(1);
        try (WsClient first = mod(setup, 0)) {
            first.send("{\"type\":\"zone_query\"}");
            first.send("{\"type\":\"ready\",\"message_id\":\"r\"}");
            first.await("ack");
            assertThat(first.seen()).extracting(m -> m.path("type").asText()).as("nowhere yet: no answer").doesNotContain("zone_update");
            startNow(setup, first);
            first.send("{\"type\":\"event_flag\",\"flag_id\":1040292801,\"igt_ms\":60000,\"message_id\":\"f1\"}");
            first.await("ack", a -> a.path("message_id").asText().equals("f1"));
        }
        participant(setup, 0); // the read model has the zone
        try (WsClient again = mod(setup, 0)) {
            again.send("{\"type\":\"zone_query\"}");
            JsonNode zone = again.await("zone_update");
            assertThat(zone.path("node_id").asText()).isEqualTo("academy_d5a9");
            assertThat(zone.path("exits")).isNotEmpty();
        }
    }

    @Test
    void finishersNamesAreHiddenFromPlayersStillRacingWhenTheRaceSaysSo() {
        int n = ++counter;
        Api organizer = Api.devLogin(port, "hide_org_" + n, "organizer");
        Api fast = Api.devLogin(port, "hide_fast_" + n, "user");
        Api slow = Api.devLogin(port, "hide_slow_" + n, "user");
        UUID raceId = organizer.raceWith("Hidden names " + n, "{\"countdown_seconds\":3,\"show_finished_names\":false}", fast, slow);
        List<String> tokens = organizer.modTokens(raceId);
        Setup setup = new Setup(organizer, raceId, List.of(fast, slow), tokens);
        try (WsClient fastMod = mod(setup, 0); WsClient slowMod = mod(setup, 1)) {
            fastMod.send("{\"type\":\"ready\",\"message_id\":\"r\"}").await("ack");
            slowMod.send("{\"type\":\"ready\",\"message_id\":\"r\"}").await("ack");
            startNow(setup, fastMod, slowMod);
            fastMod.send("{\"type\":\"finished\",\"igt_ms\":90000,\"message_id\":\"f\"}");
            fastMod.await("ack", a -> a.path("message_id").asText().equals("f"));

            java.util.function.Predicate<JsonNode> withFinisher = u -> {
                for (JsonNode entry : u.path("participants")) {
                    if (entry.path("finished").asBoolean()) {
                        return true;
                    }
                }
                return false;
            };
            JsonNode seenBySlow = slowMod.await("leaderboard_update", withFinisher);
            JsonNode seenByFast = fastMod.await("leaderboard_update", withFinisher);
            assertThat(finisher(seenBySlow).path("name").isNull()).as("hidden from a player still racing: %s", seenBySlow).isTrue();
            assertThat(finisher(seenByFast).path("name").asText()).as("a finisher sees names").isEqualTo(fast.login());
        }
    }

    private static JsonNode finisher(JsonNode leaderboardUpdate) {
        for (JsonNode entry : leaderboardUpdate.path("participants")) {
            if (entry.path("finished").asBoolean()) {
                return entry;
            }
        }
        throw new AssertionError("no finisher in " + leaderboardUpdate);
    }

    private static List<String> answered(WsClient client, String type) {
        return client.seen().stream().filter(m -> m.path("type").asText().equals(type))
                .map(m -> m.path("message_id").asText()).filter(id -> id.startsWith("s")).toList();
    }
}
