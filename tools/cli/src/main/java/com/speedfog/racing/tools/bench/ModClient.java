package com.speedfog.racing.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bench player on the mod socket: a status every tick (IGT = wall time since GO), and now and then a
 * death or a fog gate (the event_map flag of the next zone), as a real overlay reports them.
 */
final class ModClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    final BenchRace.Player player;
    private final SeedGraph graph;
    private final LiveMetrics metrics;
    private final Random random;
    private final Map<String, Long> flagOfNode = new HashMap<>();
    private final Map<String, Long> pendingAcks = new ConcurrentHashMap<>();
    final CompletableFuture<Void> authenticated = new CompletableFuture<>();
    final CompletableFuture<Void> started = new CompletableFuture<>();
    private TextSocket socket;
    private String node;
    private int deaths;
    private long counter;
    private volatile long goNanos;
    volatile boolean done;

    ModClient(BenchRace.Player player, SeedGraph graph, LiveMetrics metrics, long seed) {
        this.player = player;
        this.graph = graph;
        this.metrics = metrics;
        this.random = new Random(seed);
        graph.eventMap().forEach((flag, target) -> flagOfNode.putIfAbsent(target, flag));
        this.node = graph.startNode().id();
    }

    void connect(HttpClient http, String wsBase, String raceId) {
        socket = TextSocket.open(http, URI.create(wsBase + "/ws/mod/" + raceId), this::onFrame);
        socket.send(Wire.write(new ModMessage.Auth(player.modToken(), 1, "speedfog-tools-bench/0.1.0")));
    }

    void ready() {
        send(new ModMessage.Ready(nextId()), null);
    }

    /** One second of play: the status, maybe a death or a fog gate (probabilities per tick). */
    synchronized void tick(double deathChance, double zoneChance) {
        if (done || goNanos == 0) {
            return;
        }
        long igt = (System.nanoTime() - goNanos) / 1_000_000;
        String change = null;
        if (random.nextDouble() < deathChance) {
            deaths++;
            change = LiveMetrics.deathsKey(player.participantId(), deaths);
        }
        send(new ModMessage.StatusUpdate(igt, deaths, null, null, nextId()), change);
        if (random.nextDouble() < zoneChance) {
            List<Node> next = graph.successors(node);
            if (!next.isEmpty()) {
                Node target = next.get(random.nextInt(next.size()));
                Long flag = flagOfNode.get(target.id());
                node = target.id();
                String key = LiveMetrics.zoneKey(player.participantId(), node);
                send(flag != null ? new ModMessage.EventFlag(flag, igt, nextId())
                        : new ModMessage.ZoneEntered(node, igt, null, nextId()), key);
            }
        }
    }

    synchronized void finish() {
        if (!done && goNanos != 0) {
            send(new ModMessage.Finished((System.nanoTime() - goNanos) / 1_000_000, nextId()), null);
        }
        done = true;
    }

    void close() {
        if (socket != null) {
            socket.close();
        }
    }

    boolean isOpen() {
        return socket != null && !socket.closed;
    }

    private void send(ModMessage message, String changeKey) {
        long now = System.nanoTime();
        String id = messageIdOf(message);
        pendingAcks.put(id, now);
        if (changeKey != null) {
            metrics.changeSentAt.put(changeKey, now);
        }
        metrics.sent.increment();
        socket.send(Wire.write(message));
    }

    private static String messageIdOf(ModMessage message) {
        if (message instanceof ModMessage.Gameplay gameplay) {
            return gameplay.messageId();
        }
        return "";
    }

    private String nextId() {
        return "b" + (++counter);
    }

    private void onFrame(String frame) {
        if (frame.contains("\"type\":\"leaderboard_update\"")) {
            return; // pushed to every player after each stored change: not needed here
        }
        try {
            JsonNode message = JSON.readTree(frame);
            switch (message.path("type").asText()) {
                case "ack" -> acked(message.path("message_id").asText());
                case "error" -> {
                    metrics.error(message.path("code").asText());
                    pendingAcks.remove(message.path("message_id").asText());
                }
                case "auth_ok" -> authenticated.complete(null);
                case "auth_error" -> authenticated.completeExceptionally(new IOException("auth refused: " + frame));
                case "race_start" -> go();
                case "race_status_change" -> {
                    if (message.path("status").asText().equals("running")) {
                        go();
                    }
                }
                default -> {
                    // zone_update, ping, ...
                }
            }
        } catch (IOException e) {
            metrics.error("unreadable_frame");
        }
    }

    private synchronized void go() {
        if (goNanos == 0) {
            goNanos = System.nanoTime();
            started.complete(null);
        }
    }

    private void acked(String messageId) {
        Long sentAt = pendingAcks.remove(messageId);
        metrics.acked.increment();
        if (sentAt != null && metrics.measuring) {
            metrics.commandLatency.add((System.nanoTime() - sentAt) / 1000);
        }
    }
}
