package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.gateway.GatewayTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint called as anonymous, a user, a participant, the organizer of another race, the
 * organizer, and an admin; each answer checked. State-changing calls get a fresh race each, so an answer
 * depends only on who asks.
 */
class AuthorizationTest extends GatewayTestBase {

    enum Who { ANONYMOUS, USER, PARTICIPANT, OTHER_ORGANIZER, ORGANIZER, ADMIN }

    @LocalServerPort
    int port;
    Map<Who, Api> callers;
    Api bystander;
    static int round;

    /** @param readOnly calls that change nothing share one race */
    record Endpoint(String name, boolean readOnly, BiFunction<Api, UUID, Api.Answer> call, int... statusByWho) {
        Endpoint(String name, BiFunction<Api, UUID, Api.Answer> call, int... statusByWho) {
            this(name, false, call, statusByWho);
        }
    }

    static Endpoint reading(String name, BiFunction<Api, UUID, Api.Answer> call, int... statusByWho) {
        return new Endpoint(name, true, call, statusByWho);
    }

    @BeforeEach
    void people() {
        int n = ++round;
        callers = new LinkedHashMap<>();
        callers.put(Who.ANONYMOUS, Api.anonymous(port));
        callers.put(Who.USER, Api.devLogin(port, "authz_user_" + n, "user"));
        callers.put(Who.PARTICIPANT, Api.devLogin(port, "authz_player_" + n, "user"));
        callers.put(Who.OTHER_ORGANIZER, Api.devLogin(port, "authz_other_" + n, "organizer"));
        callers.put(Who.ORGANIZER, Api.devLogin(port, "authz_org_" + n, "organizer"));
        callers.put(Who.ADMIN, Api.devLogin(port, "authz_admin_" + n, "admin"));
        bystander = Api.devLogin(port, "authz_extra_" + n, "user");
    }

    /** A race of the organizer with the participant on it. */
    UUID freshRace() {
        return callers.get(Who.ORGANIZER).raceWith("Authz race", "{}", callers.get(Who.PARTICIPANT));
    }

    static String participantsPath(UUID race) {
        return "/api/races/" + race + "/participants";
    }

    List<Endpoint> endpoints() {
        return List.of(
                reading("GET /api/races", (api, race) -> api.get("/api/races"), 200, 200, 200, 200, 200, 200),
                reading("GET /api/races/{id}", (api, race) -> api.get("/api/races/" + race), 200, 200, 200, 200, 200, 200),
                reading("GET /api/races/{id}/timeline", (api, race) -> api.get("/api/races/" + race + "/timeline"),
                        200, 200, 200, 200, 200, 200),
                reading("GET /api/races/{id}/events", (api, race) -> api.get("/api/races/" + race + "/events?format=jsonl"),
                        200, 200, 200, 200, 200, 200),
                reading("GET /api/pools", (api, race) -> api.get("/api/pools"), 200, 200, 200, 200, 200, 200),
                reading("GET /api/auth/me", (api, race) -> api.get("/api/auth/me"), 401, 200, 200, 200, 200, 200),
                new Endpoint("POST /api/races", (api, race) -> api.post("/api/races", "{\"name\":\"New\",\"pool_name\":\"v4\"}"),
                        401, 403, 403, 201, 201, 201),
                new Endpoint("PATCH /api/races/{id}", (api, race) -> api.call("PATCH", "/api/races/" + race, "{\"name\":\"Renamed\"}"),
                        401, 403, 403, 403, 200, 200),
                new Endpoint("POST open", (api, race) -> api.post("/api/races/" + race + "/open", null), 401, 403, 403, 403, 202, 202),
                new Endpoint("POST participants", (api, race) -> api.post(participantsPath(race),
                        "{\"twitch_username\":\"" + bystander.login() + "\"}"), 401, 403, 403, 403, 201, 201),
                new Endpoint("POST participants (invite)", (api, race) -> api.post(participantsPath(race),
                        "{\"twitch_username\":\"never_seen_" + round + "\"}"), 401, 403, 403, 403, 201, 201),
                new Endpoint("DELETE participant", (api, race) -> api.call("DELETE", participantsPath(race) + "/"
                        + participantOf(race), null), 401, 403, 403, 403, 204, 204),
                new Endpoint("POST generate-zips", (api, race) -> api.post("/api/races/" + race + "/generate-zips", null),
                        401, 403, 403, 403, 200, 200),
                new Endpoint("GET my-pack", (api, race) -> api.get("/api/races/" + race + "/my-pack"), 401, 409, 200, 409, 409, 409),
                new Endpoint("POST start", (api, race) -> api.post("/api/races/" + race + "/start", "{\"in_seconds\":600}"),
                        401, 403, 403, 403, 200, 200),
                new Endpoint("POST finish (not running)", (api, race) -> api.post("/api/races/" + race + "/finish", null),
                        401, 403, 403, 403, 409, 409),
                new Endpoint("POST reroll-seed", (api, race) -> api.post("/api/races/" + race + "/reroll-seed", null),
                        401, 403, 403, 403, 200, 200),
                new Endpoint("POST abandon (not running)", (api, race) -> api.post("/api/races/" + race + "/abandon", null),
                        401, 409, 409, 409, 409, 409),
                new Endpoint("DELETE /api/races/{id}", (api, race) -> api.call("DELETE", "/api/races/" + race, null),
                        401, 403, 403, 403, 204, 204),
                reading("GET /api/admin/seeds", (api, race) -> api.get("/api/admin/seeds"), 401, 403, 403, 403, 403, 200),
                new Endpoint("POST /api/admin/seeds/scan", (api, race) -> api.post("/api/admin/seeds/scan", null),
                        401, 403, 403, 403, 403, 200),
                reading("GET /api/admin/users", (api, race) -> api.get("/api/admin/users"), 401, 403, 403, 403, 403, 200),
                reading("GET /api/admin/projections", (api, race) -> api.get("/api/admin/projections"),
                        401, 403, 403, 403, 403, 200));
    }

    String participantOf(UUID race) {
        Api.Answer detail = Api.anonymous(port).get("/api/races/" + race);
        return detail.body().path("participants").path(0).path("id").asText();
    }

    @Test
    void everyEndpointAnswersEachRoleAsItShould() {
        List<String> wrong = new ArrayList<>();
        UUID shared = freshRace();
        for (Endpoint endpoint : endpoints()) {
            Who[] roles = Who.values();
            for (int i = 0; i < roles.length; i++) {
                UUID race = endpoint.readOnly() ? shared : freshRace();
                Api.Answer answer = endpoint.call().apply(callers.get(roles[i]), race);
                if (answer.status() != endpoint.statusByWho()[i]) {
                    wrong.add(endpoint.name() + " as " + roles[i] + ": expected " + endpoint.statusByWho()[i] + ", got "
                            + answer.status() + " " + answer.body());
                }
                if (answer.status() >= 400) {
                    assertThat(answer.body()).as(endpoint.name() + " as " + roles[i] + " answers a problem detail").isNotNull();
                    assertThat(answer.body().path("code").asText()).as("a problem detail with a code").isNotEmpty();
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRevokedTokenIsRefused() {
        Api user = callers.get(Who.USER);
        assertThat(user.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(user.post("/api/auth/logout", null).status()).isEqualTo(204);
        Api.Answer after = user.get("/api/auth/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body().path("code").asText()).isEqualTo("invalid_token");
    }
}
