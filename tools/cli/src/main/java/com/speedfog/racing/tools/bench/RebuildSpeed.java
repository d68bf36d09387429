package com.speedfog.racing.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.tools.common.GatewayClient;
import me.tongfei.progressbar.ProgressBar;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection rebuild speed over a large store. The store is filled with copies of the races the live load
 * stored (real events, serialized by the gateway), each copy under fresh race and participant ids and mod
 * token hashes, written straight through JDBC while the gateway is stopped; the processors' tokens are then
 * moved to the head, so the saga does not act on old races, and the rebuild replays them all.
 */
final class RebuildSpeed {

    /** {@code complete} false: stopped measuring at the time limit; the rate is then over the events replayed so far. */
    record Result(long events, long replayed, double seconds, double eventsPerSecond, boolean complete, String deadLetters) {
    }

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TOKEN_HASH = Pattern.compile("(\"token_?[hH]ash\"\\s*:\\s*\")([^\"]*)(\")");
    private static final int BATCH = 2000;
    private static final java.time.Duration STALLED = java.time.Duration.ofSeconds(90);

    private record Row(String aggregate, long sequence, String type, String payloadType, String revision, String payload,
                       String metadata, String timestamp) {
    }

    private RebuildSpeed() {
    }

    /** Copies the stored events until the store holds at least {@code target} events. Gateway stopped. */
    static long fill(BenchServer server, long target, PrintWriter out) throws Exception {
        try (Connection c = server.connect()) {
            List<Row> template = template(c);
            Set<String> aggregates = new HashSet<>();
            template.forEach(r -> aggregates.add(r.aggregate()));
            long stored = count(c);
            if (template.isEmpty()) {
                throw new IllegalStateException("no events to copy: run the live load first");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into domain_event_entry (global_index, aggregate_identifier, "
                    + "sequence_number, type, event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp) "
                    + "values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 ProgressBar bar = Progress.bar(out, "fill store", target, " events")) {
                bar.stepTo(stored);
                int inBatch = 0;
                while (stored < target) {
                    Map<String, String> ids = new HashMap<>();
                    aggregates.forEach(id -> ids.put(id, UUID.randomUUID().toString()));
                    for (Row row : template) {
                        insert.setString(1, ids.get(row.aggregate()));
                        insert.setLong(2, row.sequence());
                        insert.setString(3, row.type());
                        insert.setString(4, UUID.randomUUID().toString());
                        insert.setString(5, row.payloadType());
                        insert.setString(6, row.revision());
                        insert.setBytes(7, rewrite(row.payload(), ids).getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(8, row.metadata() == null ? null : rewrite(row.metadata(), ids).getBytes(StandardCharsets.UTF_8));
                        insert.setString(9, row.timestamp());
                        insert.addBatch();
                        if (++inBatch == BATCH) {
                            insert.executeBatch();
                            c.commit();
                            inBatch = 0;
                        }
                        stored++;
                    }
                    bar.stepTo(stored);
                }
                insert.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            long head = head(c);
            // Every processor starts after the copies: the saga must not act on them; the rebuild resets the views anyway.
            // the JPA event store tracks with gap-aware tokens (Jackson form: index and the gaps behind it)
            try (PreparedStatement tokens = c.prepareStatement("update token_entry set token = ?, "
                    + "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = null")) {
                tokens.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8));
                tokens.executeUpdate();
            }
            out.println();
            return count(c);
        }
    }

    /** Asks the gateway to rebuild every read model and times it until every group reached the head. */
    static Result rebuild(GatewayClient admin, BenchServer server, long events, java.time.Duration limit, PrintWriter out)
            throws Exception {
        long start = System.nanoTime();
        JsonNode progress = admin.post("/api/admin/projections/rebuild");
        long head = progress.path("head").asLong();
        long lastPosition = -1;
        long lastMove = System.nanoTime();
        try (ProgressBar bar = Progress.bar(out, "rebuild", head, " events")) {
            while (!progress.path("rebuilt").asBoolean()) {
                if (System.nanoTime() - start > limit.toNanos()) {
                    break; // the rate over what was replayed; the rebuild goes on until the gateway stops
                }
                if (System.nanoTime() - lastMove > STALLED.toNanos()) {
                    throw new IllegalStateException("the rebuild made no progress for " + STALLED.toSeconds()
                            + " s (at event " + lastPosition + " of " + head + "); see " + server.log());
                }
                Thread.sleep(250);
                progress = admin.get("/api/admin/projections");
                long slowest = Long.MAX_VALUE;
                for (JsonNode group : progress.path("groups")) {
                    slowest = Math.min(slowest, group.path("position").asLong());
                }
                bar.stepTo(Math.max(0, Math.min(head, slowest)));
                if (slowest != lastPosition) {
                    lastPosition = slowest;
                    lastMove = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean complete = progress.path("rebuilt").asBoolean();
        long replayed = complete ? events : Math.max(0, lastPosition);
        out.println();
        JsonNode health = admin.get("/actuator/health");
        String deadLetters = health.path("components").path("projections").path("details").path("dead_letters").toString();
        return new Result(events, replayed, seconds, replayed / seconds, complete, deadLetters.isEmpty() ? "unknown" : deadLetters);
    }

    static String rewrite(String text, Map<String, String> ids) {
        Matcher uuids = UUID_TEXT.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (uuids.find()) {
            uuids.appendReplacement(result, ids.getOrDefault(uuids.group(), uuids.group()));
        }
        uuids.appendTail(result);
        Matcher hash = TOKEN_HASH.matcher(result);
        if (!hash.find()) {
            return result.toString();
        }
        // a mod token hash is unique in the read model: each copy gets its own
        String fresh = Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return hash.replaceFirst("$1" + fresh + "$3");
    }

    private static List<Row> template(Connection c) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select aggregate_identifier, sequence_number, type, payload_type, payload_revision, "
                     + "payload, meta_data, time_stamp from domain_event_entry order by global_index")) {
            while (rs.next()) {
                byte[] metadata = rs.getBytes(7);
                rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        new String(rs.getBytes(6), StandardCharsets.UTF_8),
                        metadata == null ? null : new String(metadata, StandardCharsets.UTF_8), rs.getString(8)));
            }
        }
        return rows;
    }

    static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long head(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
