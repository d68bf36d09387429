package com.speedfog.racing.gateway.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.gateway.ws.WsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A race on the v4 test seed, started, with one simulated mod per player speaking PROTOCOL.md. Node ids
 * of that seed: chapel_start_4f96 (layer 0), academy_d5a9 and liurnia_manor_9103 (1),
 * siofra_nokron_gargoyles_fd23 (2), flamepeak_grave_boss_1624 (3), outskirts_grave_ed1c (4), ...
 */
final class SimulatedRace implements AutoCloseable {
    final Api organizer;
    final UUID raceId;
    final List<String> names = new ArrayList<>();
    final List<String> participantIds = new ArrayList<>();
    private final List<WsClient> mods = new ArrayList<>();
    private final AtomicInteger messages = new AtomicInteger();

    private SimulatedRace(Api organizer, UUID raceId) {
        this.organizer = organizer;
        this.raceId = raceId;
    }

    /** Creates the race with these players (new users), gives each a mod, and starts it. */
    static SimulatedRace running(int port, String raceName, String config, String... playerLogins) {
        Api organizer = Api.devLogin(port, playerLogins[0] + "_org", "organizer");
        Api[] players = new Api[playerLogins.length];
        for (int i = 0; i < players.length; i++) {
            players[i] = Api.devLogin(port, playerLogins[i], "user");
        }
        SimulatedRace race = new SimulatedRace(organizer, organizer.raceWith(raceName, config, players));
        List<String> tokens = organizer.modTokens(race.raceId);
        for (JsonNode p : organizer.ok(organizer.get("/api/races/" + race.raceId)).path("participants")) {
            race.participantIds.add(p.path("id").asText());
            race.names.add(p.path("display_name").asText());
        }
        for (String token : tokens) {
            WsClient mod = WsClient.connect(port, "/ws/mod/" + race.raceId);
            mod.send("{\"type\":\"auth\",\"mod_token\":\"" + token + "\"}");
            mod.await("auth_ok");
            race.mods.add(mod);
        }
        organizer.ok(organizer.post("/api/races/" + race.raceId + "/start", "{\"in_seconds\":1}"));
        race.mods.forEach(mod -> mod.await("race_start"));
        return race;
    }

    void enter(int player, String nodeId, long igtMs) {
        send(player, "{\"type\":\"zone_entered\",\"to_zone\":\"" + nodeId + "\",\"igt_ms\":" + igtMs);
    }

    void status(int player, long igtMs, int deaths) {
        send(player, "{\"type\":\"status_update\",\"igt_ms\":" + igtMs + ",\"death_count\":" + deaths);
    }

    void finish(int player, long igtMs) {
        send(player, "{\"type\":\"finished\",\"igt_ms\":" + igtMs);
    }

    /** Sends a gameplay message and waits until the server has stored it (its ack). */
    private void send(int player, String messageWithoutEnd) {
        String id = "m" + messages.incrementAndGet();
        WsClient mod = mods.get(player);
        mod.send(messageWithoutEnd + ",\"message_id\":\"" + id + "\"}");
        mod.await("ack", a -> a.path("message_id").asText().equals(id));
    }

    @Override
    public void close() {
        mods.forEach(WsClient::close);
    }
}
