package com.speedfog.racing.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.tools.common.GatewayClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** A race made through the HTTP API for the bench: its seed graph (null for a zip seed) and each player's mod token. */
record BenchRace(String id, SeedGraph graph, List<Player> players) {

    record Player(String participantId, String login, String modToken) {
    }

    /**
     * Creates a public race on {@code pool}, registers {@code logins} (in parallel: each registration waits
     * for the read model) and generates the packs, whose download links carry the mod tokens.
     */
    static BenchRace create(GatewayClient organizer, String name, String pool, Path poolsRoot, List<String> logins,
                            ExecutorService parallel) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("public", true);
        config.put("max_participants", Math.max(2, logins.size()));
        config.put("countdown_seconds", 3);
        JsonNode race = organizer.post("/api/races", Map.of("name", name, "pool_name", pool, "config", config)).path("race");
        String raceId = race.path("id").asText();
        List<Future<?>> registrations = new ArrayList<>();
        for (String login : logins) {
            registrations.add(parallel.submit(() -> organizer.post("/api/races/" + raceId + "/participants",
                    Map.of("twitch_username", login))));
        }
        for (Future<?> registration : registrations) {
            registration.get();
        }
        // the bench's synthetic seeds are folders; the pack seed is a zip, whose graph nobody walks
        Path seed = poolsRoot.resolve(race.path("seed_id").asText());
        SeedGraph graph = java.nio.file.Files.isDirectory(seed) ? SeedGraph.parse(seed.resolve(SeedGraph.FILE_NAME)) : null;
        List<Player> players = new ArrayList<>();
        for (JsonNode pack : organizer.post("/api/races/" + raceId + "/generate-zips").path("packs")) {
            String url = pack.path("download_url").asText();
            players.add(new Player(pack.path("participant_id").asText(), pack.path("display_name").asText(),
                    url.substring(url.lastIndexOf('/') + 1)));
        }
        return new BenchRace(raceId, graph, players);
    }

    /** The pack download link of a player (the token is the credential). */
    String downloadPath(Player player) {
        return "/api/races/" + id + "/download/" + player.modToken();
    }
}
