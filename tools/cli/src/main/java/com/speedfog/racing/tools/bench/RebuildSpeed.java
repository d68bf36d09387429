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

    /**
     * {@code complete} false: stopped measuring at the time limit; the rate is then over the events replayed so far.
     * {@code ceiling}: a plain sequential read of the event table, events/s, on the same database just before.
     * {@code check}: how the rebuilt tables compared with the live ones (null when not checked).
     */
    record Result(long events, long replayed, double seconds, double eventsPerSecond, boolean complete, String deadLetters,
                  double ceiling, String check) {
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

    /**
     * Copies the stored events until the store holds at least {@code target} events. Gateway stopped. The
     * processors named in {@code liveBuilds} keep their tokens: on the next start they build their tables
     * from the copies, live, for the rebuild to be compared with.
     */
    static long fill(BenchServer server, long target, Set<String> liveBuilds, PrintWriter out) throws Exception {
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
                    + "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = null "
                    + "where processor_name <> all(?)")) {
                tokens.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8));
                tokens.setArray(2, c.createArrayOf("varchar", liveBuilds.toArray()));
                tokens.executeUpdate();
            }
            try (Statement release = c.createStatement()) {
                release.executeUpdate("update token_entry set owner = null"); // the stopped gateway's claims
            }
            out.println();
            return count(c);
        }
    }

    /** The ceiling a replay is measured against: every row of the event table read in store order, events/s. */
    static double sequentialRead(BenchServer server, PrintWriter out) throws Exception {
        try (Connection c = server.connect()) {
            long events = count(c);
            c.setAutoCommit(false); // a cursor: rows stream in fetches instead of all at once
            long start = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (Statement s = c.createStatement(); ProgressBar bar = Progress.bar(out, "read store", events, " events")) {
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery("select global_index, type, aggregate_identifier, sequence_number, "
                        + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data "
                        + "from domain_event_entry order by global_index")) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        bytes += rs.getBytes(9).length;
                        byte[] meta = rs.getBytes(10);
                        bytes += meta == null ? 0 : meta.length;
                        if (++rows % 10_000 == 0) {
                            bar.stepTo(rows);
                        }
                    }
                }
                bar.stepTo(rows);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.commit();
            out.println();
            out.printf("  %d events (%.0f MiB of payload and metadata) in %.1f s%n", rows, bytes / 1048576.0, seconds);
            return rows / seconds;
        }
    }

    /** Waits until every read model has processed the whole store live (the copies included). */
    static void awaitLive(GatewayClient admin, PrintWriter out) throws Exception {
        JsonNode progress = admin.get("/api/admin/projections");
        long head = progress.path("head").asLong();
        long lastPosition = -1;
        long lastMove = System.nanoTime();
        try (ProgressBar bar = Progress.bar(out, "live build", head, " events")) {
            while (!progress.path("done").asBoolean()) {
                if (System.nanoTime() - lastMove > STALLED.toNanos()) {
                    throw new IllegalStateException("the live processors made no progress for " + STALLED.toSeconds()
                            + " s (at event " + lastPosition + " of " + head + ")");
                }
                Thread.sleep(500);
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
        out.println();
    }

    /** Every read table of the gateway, as its projections declare them. */
    static List<String> readTables(GatewayClient admin) throws Exception {
        List<String> tables = new ArrayList<>();
        admin.get("/api/admin/projections").path("tables").forEach(group -> group.forEach(t -> tables.add(t.asText())));
        return tables;
    }

    /** Keeps a copy of the live read tables (schema bench_live) for {@link #compare}. */
    static void keepLiveTables(BenchServer server, List<String> tables) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists bench_live cascade");
            s.execute("create schema bench_live");
            for (String table : tables) {
                s.execute("create table bench_live." + table + " as select * from public." + table);
            }
        }
    }

    /**
     * The rebuilt tables against the kept live ones, row by row (as a multiset of whole rows): "equal" with the
     * rows compared, or the differences with a few of them.
     */
    static String compare(BenchServer server, List<String> tables) throws Exception {
        long rows = 0;
        List<String> differences = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from public." + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
                String live = "select l::text from bench_live." + table + " l";
                String rebuilt = "select r::text from public." + table + " r";
                try (ResultSet rs = s.executeQuery("(select 'live only', * from (" + live + " except all " + rebuilt + ") a limit 3) "
                        + "union all (select 'rebuilt only', * from (" + rebuilt + " except all " + live + ") b limit 3)")) {
                    while (rs.next()) {
                        differences.add(table + " " + rs.getString(1) + ": " + rs.getString(2));
                    }
                }
            }
            s.execute("drop schema bench_live cascade");
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the rebuilt read tables differ from the live ones: " + String.join("; ", differences));
        }
        return String.format("equal: %,d rows in %d tables, row by row", rows, tables.size());
    }

    /** Asks the gateway to rebuild every read model and times it until the rebuilt tables serve. */
    static Result rebuild(GatewayClient admin, BenchServer server, long events, java.time.Duration limit, double ceiling,
                          PrintWriter out) throws Exception {
        long start = System.nanoTime();
        JsonNode progress = admin.post("/api/admin/projections/rebuild");
        long head = progress.path("head").asLong();
        long lastDone = -1;
        long lastMove = System.nanoTime();
        try (ProgressBar bar = Progress.bar(out, "rebuild", head, " events")) {
            while (!progress.path("rebuilt").asBoolean()) {
                if (progress.path("failed").asBoolean()) {
                    throw new IllegalStateException("the rebuild failed: " + progress.path("rebuild").path("error").asText());
                }
                if (System.nanoTime() - start > limit.toNanos()) {
                    break; // the rate over what was replayed; the rebuild goes on until the gateway stops
                }
                if (System.nanoTime() - lastMove > STALLED.toNanos()) {
                    throw new IllegalStateException("the rebuild made no progress for " + STALLED.toSeconds()
                            + " s (at event " + lastDone + " of " + head + "); see " + server.log());
                }
                Thread.sleep(250);
                progress = admin.get("/api/admin/projections");
                JsonNode rebuild = progress.path("rebuild");
                long done = rebuild.path("replayed").asLong();
                bar.maxHint(Math.max(rebuild.path("events").asLong(), 1));
                bar.stepTo(done);
                bar.setExtraMessage(String.format(" %,.0f events/s, %s", rebuild.path("rate").asDouble(),
                        rebuild.path("state").asText().toLowerCase(java.util.Locale.ROOT)));
                if (done != lastDone) {
                    lastDone = done;
                    lastMove = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean complete = progress.path("rebuilt").asBoolean();
        long replayed = complete ? events : Math.max(0, lastDone);
        out.println();
        JsonNode health = admin.get("/actuator/health");
        String deadLetters = health.path("components").path("projections").path("details").path("dead_letters").toString();
        return new Result(events, replayed, seconds, replayed / seconds, complete, deadLetters.isEmpty() ? "unknown" : deadLetters,
                ceiling, null);
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
