package com.speedfog.racing.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.tools.common.GatewayClient;
import me.tongfei.progressbar.ProgressBar;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Command latency at the start and at the end of a long race: one player's whole race of stored events
 * (a death or a fog gate per message, IGT spread over the hours) sent as fast as the socket's rate limit
 * allows, each acknowledged before the next. Snapshots should keep the end as fast as the start.
 */
final class LongRaceProbe {

    record Result(int messages, double hours, Latencies first, Latencies last, long participantEvents, long snapshots,
                  String errors) {
    }

    /** Under the gateway's 20 messages a second per connection. */
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L / 18;
    private static final int SAMPLE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LongRaceProbe() {
    }

    static Result run(BenchServer server, BenchRace race, GatewayClient organizer, double hours, int eventsPerHour,
                      PrintWriter out) throws Exception {
        BenchRace.Player player = race.players().get(0);
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        TextSocket socket = TextSocket.open(HttpClient.newHttpClient(),
                URI.create(server.baseUrl().replaceFirst("^http", "ws") + "/ws/mod/" + race.id()), frame -> {
                    if (!frame.contains("\"type\":\"leaderboard_update\"")) {
                        try {
                            frames.add(JSON.readTree(frame));
                        } catch (IOException ignored) {
                            // not ours to judge here
                        }
                    }
                });
        try {
            socket.send(Wire.write(new ModMessage.Auth(player.modToken(), 1, "speedfog-tools-bench/0.1.0")));
            await(frames, "auth_ok", null);
            organizer.post("/api/races/" + race.id() + "/start", Map.of("in_seconds", 3));
            await(frames, "race_start", null);
            List<Node> zones = new ArrayList<>(race.graph().nodes());
            zones.sort(Comparator.comparingInt(Node::layer));
            zones.remove(race.graph().startNode());
            Map<String, Long> flags = new java.util.HashMap<>();
            race.graph().eventMap().forEach((flag, node) -> flags.putIfAbsent(node, flag));
            int messages = (int) Math.round(hours * eventsPerHour);
            long igtStep = (long) (hours * 3_600_000 / messages);
            int sample = Math.max(1, Math.min(SAMPLE, messages / 2));
            Latencies first = new Latencies(), last = new Latencies();
            StringBuilder errors = new StringBuilder();
            int deaths = 0;
            try (ProgressBar bar = Progress.bar(out, "long race", messages, " msgs")) {
                long next = System.nanoTime();
                for (int i = 1; i <= messages; i++) {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                    next = System.nanoTime() + MIN_INTERVAL_NANOS;
                    long igt = i * igtStep;
                    String id = "long" + i;
                    ModMessage message;
                    if (i % 2 == 0) {
                        message = new ModMessage.StatusUpdate(igt, ++deaths, null, null, id);
                    } else {
                        Node zone = zones.get((i / 2) % zones.size());
                        Long flag = flags.get(zone.id());
                        message = flag != null ? new ModMessage.EventFlag(flag, igt, id) : new ModMessage.ZoneEntered(zone.id(), igt, null, id);
                    }
                    long sent = System.nanoTime();
                    socket.send(Wire.write(message));
                    JsonNode answer = await(frames, "ack", id);
                    long micros = (System.nanoTime() - sent) / 1000;
                    if (answer.path("type").asText().equals("error") && errors.length() < 300) {
                        errors.append(answer.path("code").asText()).append(' ');
                    }
                    if (i <= sample) {
                        first.add(micros);
                    } else if (i > messages - sample) {
                        last.add(micros);
                    }
                    bar.step();
                }
            }
            out.println();
            return new Result(messages, hours, first, last, count(server, "domain_event_entry", player.participantId()),
                    count(server, "snapshot_event_entry", player.participantId()), errors.isEmpty() ? "none" : errors.toString().trim());
        } finally {
            socket.close();
        }
    }

    /** The next frame of that type (or an error for that message id), skipping pushes. */
    private static JsonNode await(BlockingQueue<JsonNode> frames, String type, String messageId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new IOException("no " + type + (messageId == null ? "" : " for " + messageId) + " within 30 s");
            }
            String got = frame.path("type").asText();
            if (got.equals("auth_error")) {
                throw new IOException("auth refused: " + frame);
            }
            boolean ours = messageId == null || messageId.equals(frame.path("message_id").asText());
            if (ours && (got.equals(type) || (messageId != null && got.equals("error")))) {
                return frame;
            }
        }
    }

    private static long count(BenchServer server, String table, String aggregate) throws Exception {
        try (Connection c = server.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where aggregate_identifier = ?")) {
            s.setString(1, aggregate);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
