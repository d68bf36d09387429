package com.speedfog.racing.gateway.pool;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.speedfog.racing.gateway.web.ApiProblem;
import com.speedfog.racing.gateway.ws.SeedGraphs;
import com.speedfog.racing.seeds.demo.DemoPool;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.pack.RacePackSettings;
import com.speedfog.racing.seeds.pack.SeedPackWriter;
import com.speedfog.racing.seeds.pool.Pool;
import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.RejectedSeed;
import com.speedfog.racing.seeds.pool.ScanResult;
import com.speedfog.racing.seeds.pool.Seed;
import com.speedfog.racing.seeds.pool.SeedGraphLoader;
import com.speedfog.racing.seeds.pool.SeedKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Seed pools: scanned from disk into the {@code pool} and {@code seed} tables, where each seed moves
 * AVAILABLE → CONSUMED (back on reroll or cancel) or DISCARDED. Also the seed graphs the sockets check
 * moves against, and players' packs.
 */
@Service
public class PoolService implements SeedGraphs {
    private static final Logger log = LoggerFactory.getLogger(PoolService.class);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PoolStats(String name, String displayName, String description, String estimatedDuration,
                            Map<String, Object> settings, int available, int consumed, int discarded, String problem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SeedRow(String id, String poolName, String kind, String state, UUID raceId, Long seedNumber,
                          Integer totalLayers, String problem) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScanReport(String root, int pools, int seeds, int added, int rejected, List<String> problems) {
    }

    private final JdbcTemplate jdbc;
    private final PoolProperties properties;
    private volatile Map<String, Seed> seedsById = Map.of();
    private final Map<String, SeedGraph> graphs = new ConcurrentHashMap<>();

    public PoolService(JdbcTemplate jdbc, PoolProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void scanOnStart() {
        if (!properties.configured()) {
            try {
                Files.createDirectories(properties.effectiveRoot());
                if (DemoPool.install(properties.effectiveRoot())) {
                    log.info("No pool folder configured: created a demo pool in {}", properties.effectiveRoot());
                }
            } catch (IOException e) {
                log.warn("Could not create the demo pool in {}: {}", properties.effectiveRoot(), e.toString());
            }
        }
        ScanReport report = scan();
        log.info("Seed pools in {}: {} pools, {} seeds ({} new), {} rejected", report.root(), report.pools(),
                report.seeds(), report.added(), report.rejected());
        report.problems().forEach(problem -> log.warn("Seed pool problem: {}", problem));
    }

    @Transactional
    public synchronized ScanReport scan() {
        try {
            // A configured folder that is not there yet is an empty set of pools, not a reason to fail.
            Files.createDirectories(properties.effectiveRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pools folder " + properties.effectiveRoot(), e);
        }
        ScanResult result = PoolScanner.scan(properties.effectiveRoot());
        Instant now = Instant.now();
        for (Pool pool : result.pools()) {
            jdbc.update("insert into pool (name, display_name, description, estimated_duration, settings, problem, scanned_at) "
                            + "values (?, ?, ?, ?, ?, null, ?) on conflict (name) do update set display_name = excluded.display_name, "
                            + "description = excluded.description, estimated_duration = excluded.estimated_duration, "
                            + "settings = excluded.settings, problem = null, scanned_at = excluded.scanned_at",
                    pool.name(), pool.config().displayName(), pool.config().description(),
                    pool.config().estimatedDurationText(), json(pool.config().settings()), Timestamp.from(now));
        }
        result.rejectedPools().forEach(rejected -> jdbc.update(
                "insert into pool (name, display_name, problem, scanned_at) values (?, ?, ?, ?) on conflict (name) do update "
                        + "set problem = excluded.problem, scanned_at = excluded.scanned_at",
                rejected.name(), rejected.name(), rejected.reason(), Timestamp.from(now)));
        int added = 0;
        for (Seed seed : result.seeds()) {
            added += jdbc.update("insert into seed (id, pool_name, path, kind, state, seed_number, total_layers, node_count, scanned_at) "
                            + "values (?, ?, ?, ?, 'AVAILABLE', ?, ?, ?, ?) on conflict (id) do nothing",
                    seed.id(), seed.pool(), seed.path().toString(), seed.kind().name(), seed.summary().seedNumber(),
                    seed.summary().totalLayers(), seed.summary().nodeCount(), Timestamp.from(now));
            jdbc.update("update seed set path = ?, kind = ?, problem = null, scanned_at = ?, "
                            + "state = case when state in ('MISSING', 'REJECTED') then 'AVAILABLE' else state end where id = ?",
                    seed.path().toString(), seed.kind().name(), Timestamp.from(now), seed.id());
        }
        for (RejectedSeed rejected : result.rejectedSeeds()) {
            jdbc.update("insert into seed (id, pool_name, path, kind, state, problem, scanned_at) values (?, ?, ?, ?, 'REJECTED', ?, ?) "
                            + "on conflict (id) do update set state = case when seed.state = 'CONSUMED' then seed.state else 'REJECTED' end, "
                            + "problem = excluded.problem, scanned_at = excluded.scanned_at",
                    rejected.id(), rejected.pool(), rejected.path().toString(), kindOf(rejected.path()), rejected.reason(),
                    Timestamp.from(now));
        }
        // Gone from disk: not available any more (a consumed seed keeps its state: its race still uses it).
        jdbc.update("update seed set state = 'MISSING' where scanned_at < ? and state = 'AVAILABLE'", Timestamp.from(now));
        Map<String, Seed> byId = new LinkedHashMap<>();
        result.seeds().forEach(seed -> byId.put(seed.id(), seed));
        seedsById = Map.copyOf(byId);
        graphs.clear();
        List<String> problems = new java.util.ArrayList<>();
        result.rejectedPools().forEach(r -> problems.add("pool " + r.name() + ": " + r.reason()));
        result.rejectedSeeds().forEach(r -> problems.add("seed " + r.id() + ": " + r.reason()));
        return new ScanReport(properties.effectiveRoot().toString(), result.pools().size(), result.seeds().size(), added,
                result.rejectedSeeds().size(), problems);
    }

    /** Takes a random available seed of the pool for a race. */
    public String takeSeed(String poolName, UUID raceId) {
        Integer known = jdbc.queryForObject("select count(*) from pool where name = ? and problem is null", Integer.class, poolName);
        if (known == null || known == 0) {
            throw ApiProblem.notFound("unknown_pool", "there is no pool named '" + poolName + "'");
        }
        List<String> taken = jdbc.queryForList("update seed set state = 'CONSUMED', race_id = ? where id = ("
                + "select id from seed where pool_name = ? and state = 'AVAILABLE' order by random() limit 1 "
                + "for update skip locked) returning id", String.class, raceId, poolName);
        if (taken.isEmpty()) {
            throw ApiProblem.conflict("pool_empty", "pool '" + poolName + "' has no seed left: add or generate seeds, "
                    + "then rescan (POST /api/admin/seeds/scan)");
        }
        return taken.get(0);
    }

    /** A seed that was never raced goes back to its pool. */
    public void giveBack(String seedId) {
        jdbc.update("update seed set state = 'AVAILABLE', race_id = null where id = ? and state = 'CONSUMED'", seedId);
    }

    public void discard(String seedId) {
        int changed = jdbc.update("update seed set state = 'DISCARDED' where id = ? and state <> 'DISCARDED'", seedId);
        if (changed == 0) {
            throw ApiProblem.notFound("seed_not_found", "no seed '" + seedId + "' to discard");
        }
    }

    public List<PoolStats> pools() {
        return jdbc.query("select p.*, "
                + "(select count(*) from seed s where s.pool_name = p.name and s.state = 'AVAILABLE') as available, "
                + "(select count(*) from seed s where s.pool_name = p.name and s.state = 'CONSUMED') as consumed, "
                + "(select count(*) from seed s where s.pool_name = p.name and s.state = 'DISCARDED') as discarded "
                + "from pool p order by p.name", (rs, n) -> new PoolStats(rs.getString("name"), rs.getString("display_name"),
                rs.getString("description"), rs.getString("estimated_duration"), settings(rs.getString("settings")),
                rs.getInt("available"), rs.getInt("consumed"), rs.getInt("discarded"), rs.getString("problem")));
    }

    public List<SeedRow> seeds() {
        return jdbc.query("select * from seed order by pool_name, id", (rs, n) -> new SeedRow(rs.getString("id"),
                rs.getString("pool_name"), rs.getString("kind"), rs.getString("state"), rs.getObject("race_id", UUID.class),
                (Long) rs.getObject("seed_number"), (Integer) rs.getObject("total_layers"), rs.getString("problem")));
    }

    @Override
    public Optional<SeedGraph> graph(String seedId) {
        Optional<Seed> seed = seed(seedId);
        if (seed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(graphs.computeIfAbsent(seedId, id -> SeedGraphLoader.load(seed.get())));
        } catch (RuntimeException e) {
            log.warn("Seed {} graph unreadable: {}", seedId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> graphJson(String seedId) {
        return seed(seedId).map(seed -> {
            try {
                if (seed.kind() == SeedKind.ZIP) {
                    try (ZipFile zip = new ZipFile(seed.path().toFile());
                         InputStream in = zip.getInputStream(zip.getEntry(seed.graphEntry()))) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                return Files.readString(seed.path().resolve(seed.graphEntry()));
            } catch (IOException | RuntimeException e) {
                log.warn("Seed {} graph.json unreadable: {}", seedId, e.toString());
                return null;
            }
        });
    }

    /** Streams a player's pack: the seed's files plus their speedfog_race.toml. */
    public void writePack(String seedId, RacePackSettings settings, OutputStream out) {
        Seed seed = seed(seedId).orElseThrow(() -> ApiProblem.conflict("seed_unavailable",
                "this race's seed is no longer on disk; ask an admin to rescan the pools"));
        try {
            SeedPackWriter.write(seed, settings, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Seed> seed(String seedId) {
        Seed seed = seedsById.get(seedId);
        if (seed == null && seedId != null) {
            scan();
            seed = seedsById.get(seedId);
        }
        return Optional.ofNullable(seed);
    }

    private static String kindOf(java.nio.file.Path path) {
        return path.getFileName().toString().toLowerCase().endsWith(".zip") ? "ZIP" : "FOLDER";
    }

    private static String json(Map<String, Object> settings) {
        try {
            return com.speedfog.racing.protocol.Wire.mapper().writeValueAsString(settings);
        } catch (IOException e) {
            return "{}";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return com.speedfog.racing.protocol.Wire.mapper().readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
