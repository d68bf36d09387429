package com.speedfog.racing.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One spectator socket. For every player_update that shows a new death count or zone it records the time
 * since the mod sent the message that caused it: the latency a viewer sees.
 */
final class SpectatorClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveMetrics metrics;
    private final Map<String, Integer> lastDeaths = new HashMap<>();
    private final Map<String, String> lastZone = new HashMap<>();
    final CompletableFuture<Void> gotState = new CompletableFuture<>();
    private TextSocket socket;

    SpectatorClient(LiveMetrics metrics) {
        this.metrics = metrics;
    }

    void connect(HttpClient http, String wsBase, String raceId) {
        socket = TextSocket.open(http, URI.create(wsBase + "/ws/race/" + raceId), this::onFrame);
    }

    boolean isOpen() {
        return socket != null && !socket.closed;
    }

    void close() {
        if (socket != null) {
            socket.close();
        }
    }

    private void onFrame(String frame) {
        long now = System.nanoTime();
        metrics.spectatorFrames.increment();
        metrics.spectatorBytes.add(frame.length());
        if (frame.contains("\"type\":\"race_state\"")) {
            baseline(frame);
            gotState.complete(null);
            return;
        }
        if (!frame.contains("\"type\":\"player_update\"")) {
            return;
        }
        metrics.playerUpdates.increment();
        try {
            JsonNode player = JSON.readTree(frame).path("player");
            String id = player.path("id").asText();
            int deaths = player.path("death_count").asInt();
            String zone = player.path("current_zone").asText(null);
            synchronized (this) {
                Integer before = lastDeaths.put(id, deaths);
                if (before != null && deaths > before) {
                    record(LiveMetrics.deathsKey(id, deaths), now);
                }
                String zoneBefore = lastZone.put(id, zone);
                if (zone != null && !zone.equals(zoneBefore)) {
                    record(LiveMetrics.zoneKey(id, zone), now);
                }
            }
        } catch (IOException e) {
            metrics.error("unreadable_spectator_frame");
        }
    }

    /** Where everybody is now, so the next update of each player counts. */
    private synchronized void baseline(String frame) {
        try {
            for (JsonNode player : JSON.readTree(frame).path("participants")) {
                lastDeaths.put(player.path("id").asText(), player.path("death_count").asInt());
                lastZone.put(player.path("id").asText(), player.path("current_zone").asText(null));
            }
        } catch (IOException e) {
            metrics.error("unreadable_spectator_frame");
        }
    }

    private void record(String key, long now) {
        Long sentAt = metrics.changeSentAt.get(key);
        if (sentAt == null) {
            metrics.unmatchedUpdates.incrementAndGet();
        } else if (metrics.measuring) {
            metrics.spectatorLatency.add((now - sentAt) / 1000);
        }
    }
}
