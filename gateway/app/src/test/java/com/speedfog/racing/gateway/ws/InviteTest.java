package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding a player who never logged in makes an invite link that registers them once they accept. */
class InviteTest extends GatewayTestBase {

    @LocalServerPort
    int port;

    @Test
    void anInviteRegistersThePlayerOnceTheyAccept() {
        Api organizer = Api.devLogin(port, "invite_org", "organizer");
        UUID race = organizer.raceWith("Invite race", "{}");
        JsonNode added = organizer.ok(organizer.post("/api/races/" + race + "/participants", "{\"twitch_username\":\"Late_Comer\"}"));
        assertThat(added.path("participant_id").asText(null)).as("not registered yet").isNull();
        String link = added.path("invite_url").asText();
        assertThat(link).contains("/invite/");
        String token = link.substring(link.lastIndexOf('/') + 1);

        JsonNode invite = Api.anonymous(port).ok(Api.anonymous(port).get("/api/invite/" + token));
        assertThat(invite.path("twitch_login").asText()).isEqualTo("late_comer");
        assertThat(invite.path("accepted").asBoolean()).isFalse();

        Api someoneElse = Api.devLogin(port, "not_late_comer", "user");
        assertThat(someoneElse.post("/api/invite/" + token + "/accept", null).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/invite/" + token + "/accept", null).status()).isEqualTo(401);

        Api lateComer = Api.devLogin(port, "late_comer", "user");
        JsonNode accepted = lateComer.ok(lateComer.post("/api/invite/" + token + "/accept", null));
        assertThat(accepted.path("accepted").asBoolean()).isTrue();
        JsonNode detail = Api.anonymous(port).get("/api/races/" + race).body();
        assertThat(detail.path("participants")).extracting(p -> p.path("user_id").asText())
                .contains(lateComer.user.path("id").asText());

        Api.Answer again = lateComer.post("/api/invite/" + token + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("invite_used");
        assertThat(Api.anonymous(port).get("/api/invite/not-a-real-token").status()).isEqualTo(404);
    }

    @Test
    void anEmptyPoolIsAClearErrorAndRerollGivesTheSeedBack() {
        Api organizer = Api.devLogin(port, "pool_org", "organizer");
        Api admin = Api.devLogin(port, "pool_admin", "admin");
        Api.Answer unknown = organizer.post("/api/races", "{\"name\":\"x\",\"pool_name\":\"no_such_pool\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("unknown_pool");

        int availableBefore = available(admin, "demo");
        UUID race = UUID.fromString(organizer.ok(organizer.post("/api/races", "{\"name\":\"Demo race\",\"pool_name\":\"demo\"}"))
                .path("race").path("id").asText());
        assertThat(available(admin, "demo")).isEqualTo(availableBefore - 1);
        String firstSeed = Api.anonymous(port).get("/api/races/" + race).body().path("race").path("seed_id").asText();
        JsonNode rerolled = organizer.ok(organizer.post("/api/races/" + race + "/reroll-seed", null));
        assertThat(rerolled.path("seed_id").asText()).isNotEqualTo(firstSeed);
        assertThat(available(admin, "demo")).as("the old seed went back").isEqualTo(availableBefore - 1);

        // Empty the pool, then ask once more.
        for (int i = 0; i < availableBefore - 1; i++) {
            organizer.ok(organizer.post("/api/races", "{\"name\":\"Filler " + i + "\",\"pool_name\":\"demo\"}"));
        }
        Api.Answer empty = organizer.post("/api/races", "{\"name\":\"One too many\",\"pool_name\":\"demo\"}");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.body().path("code").asText()).isEqualTo("pool_empty");
        assertThat(empty.body().path("detail").asText()).contains("demo").contains("rescan");

        JsonNode seeds = admin.ok(admin.get("/api/admin/seeds"));
        String someSeed = seeds.path(0).path("id").asText();
        assertThat(admin.call("POST", "/api/admin/seeds/discard", "{\"seed_id\":\"" + someSeed + "\"}").status()).isEqualTo(204);
        assertThat(admin.call("POST", "/api/admin/seeds/discard", "{\"seed_id\":\"nope/none\"}").status()).isEqualTo(404);
    }

    static int available(Api admin, String pool) {
        for (JsonNode p : admin.ok(admin.get("/api/pools"))) {
            if (p.path("name").asText().equals(pool)) {
                return p.path("available").asInt();
            }
        }
        throw new AssertionError("no pool " + pool);
    }
}
