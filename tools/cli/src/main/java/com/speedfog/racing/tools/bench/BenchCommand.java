package com.speedfog.racing.tools.bench;

import com.speedfog.racing.seeds.synthetic.SeedShape;
import com.speedfog.racing.seeds.synthetic.SyntheticSeedGenerator;
import com.speedfog.racing.tools.common.Folders;
import com.speedfog.racing.tools.common.GatewayClient;
import com.speedfog.racing.tools.common.ServerOptions;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The end-to-end benchmark: starts its own PostgreSQL and the packaged gateway on it, then measures the
 * live load, the ceilings it is compared with, command latency over a long race, pack downloads and a
 * projection rebuild over a large store. Results go to the output as a Markdown table (and --report).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the platform end to end (see docs/performance.md). Starts an embedded PostgreSQL and "
                + "the gateway jar on it as a child process, on free ports, in a temporary folder.",
                "Exit codes: 0 measured (goals are reported, not enforced), 1 the bench could not run, 2 bad usage."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--gateway-jar", defaultValue = "gateway/app/target/speedfog-gateway.jar",
            description = "The packaged gateway (default ${DEFAULT-VALUE}).")
    Path gatewayJar;

    @Option(names = "--gateway-jvm", defaultValue = "", description = "JVM options of the gateway, space-separated (e.g. -Xmx1g).")
    String gatewayJvm;

    @Option(names = "--races", defaultValue = "10", description = "Races at once (default ${DEFAULT-VALUE}).")
    int races;

    @Option(names = "--players", defaultValue = "100", description = "Players per race, 1-100 (default ${DEFAULT-VALUE}).")
    int players;

    @Option(names = "--spectators", defaultValue = "100", description = "Spectator sockets per race (default ${DEFAULT-VALUE}).")
    int spectators;

    @Option(names = "--warmup", defaultValue = "15", description = "Seconds of load before measuring (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--duration", defaultValue = "60", description = "Seconds measured (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--death-every", defaultValue = "180", description = "Mean seconds between a player's deaths (default ${DEFAULT-VALUE}).")
    double deathEvery;

    @Option(names = "--zone-every", defaultValue = "150", description = "Mean seconds between a player's fog gates (default ${DEFAULT-VALUE}).")
    double zoneEvery;

    @Option(names = "--ceiling-seconds", defaultValue = "5", description = "Seconds per ceiling measurement (default ${DEFAULT-VALUE}).")
    int ceilingSeconds;

    @Option(names = "--long-race-hours", defaultValue = "4", description = "In-game hours of the long race; 0 skips it (default ${DEFAULT-VALUE}).")
    double longRaceHours;

    @Option(names = "--long-race-events-per-hour", defaultValue = "300",
            description = "Stored events per in-game hour in the long race (default ${DEFAULT-VALUE}).")
    int longRaceEventsPerHour;

    @Option(names = "--pack-mb", defaultValue = "200", description = "Size of the seed for the pack download; 0 skips it (default ${DEFAULT-VALUE}).")
    int packMb;

    @Option(names = "--rebuild-events", defaultValue = "1000000",
            description = "Events in the store for the rebuild; 0 skips it (default ${DEFAULT-VALUE}).")
    long rebuildEvents;

    @Option(names = "--rebuild-max-seconds", defaultValue = "300",
            description = "Stop timing the rebuild after this long and report the rate so far (default ${DEFAULT-VALUE}).")
    int rebuildMaxSeconds;

    @Option(names = "--rebuild-check", description = "Let the live processors build the read tables from the filled store "
            + "first (slow: live speed), then check the rebuilt tables equal them row by row.")
    boolean rebuildCheck;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the simulated players (default ${DEFAULT-VALUE}).")
    long randomSeed;

    @Option(names = "--report", description = "Also write the results (Markdown) to this file.")
    Path reportFile;

    @Option(names = "--keep", description = "Keep the work folder (database, gateway logs).")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        String usage = usageProblem();
        if (usage != null) {
            out.println(usage);
            return 2;
        }
        BenchReport report = new BenchReport(String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        Path work = Files.createTempDirectory("speedfog-bench-");
        Path pools = Files.createDirectories(work.resolve("pools"));
        out.println("Work folder: " + work);
        BenchServer server = new BenchServer(gatewayJar, work, gatewayJvm.isBlank() ? List.of() : Arrays.asList(gatewayJvm.trim().split("\\s+")));
        boolean failed = true;
        // registrations wait for the read model: several at once keep the set-up short
        ExecutorService registrations = Executors.newFixedThreadPool(8, LiveLoad.daemon("bench-register"));
        try {
            writeBenchPool(pools, races + 2);
            Path packSeed = packMb > 0 ? PackSpeed.writePool(pools, packMb) : null;
            out.println("Starting PostgreSQL and the gateway (" + gatewayJar + ") ...");
            server.startDatabase();
            server.startGateway(pools, Duration.ofMinutes(3));
            out.println("Gateway up at " + server.baseUrl() + " (pid " + server.gatewayPid() + "), database " + server.jdbcUrl());
            GatewayClient anonymous = client(server, null);
            GatewayClient organizer = client(server, devLogin(anonymous, "bench_organizer", "organizer"));
            List<String> logins = new ArrayList<>();
            for (int n = 1; n <= players; n++) {
                devLogin(anonymous, "bench_" + n, "user");
                logins.add("bench_" + n);
            }

            out.println("Ceiling: single-row commits on the same PostgreSQL ...");
            double commits1 = PostgresCeiling.commitsPerSecond(server, 1, Duration.ofSeconds(ceilingSeconds));
            double commits8 = PostgresCeiling.commitsPerSecond(server, 8, Duration.ofSeconds(ceilingSeconds));
            report.ceilingCommits(commits1, commits8);

            List<BenchRace> live = createRaces(organizer, pools, logins, registrations, out);
            out.println("Live load: " + races + " races x " + players + " players, " + spectators + " spectator sockets per race");
            LiveLoad.Result result = new LiveLoad(server, live, new LiveLoad.Settings(spectators, Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(durationSeconds), deathEvery, zoneEvery, randomSeed), out).run(organizer);
            report.live(result);

            if (spectators > 0) {
                out.println("Ceiling: bare loopback WebSocket broadcast to " + result.spectators() + " sockets ...");
                int frameBytes = result.spectatorFramesPerSecond() > 0
                        ? (int) (result.spectatorMiBPerSecond() * 1024 * 1024 / result.spectatorFramesPerSecond()) : 1000;
                double perSocket = result.spectatorFramesPerSecond() / result.spectators();
                try (BroadcastCeiling ceiling = new BroadcastCeiling(work)) {
                    ceiling.connect(result.spectators());
                    report.broadcast(ceiling.measure(frameBytes, 8, Duration.ofSeconds(ceilingSeconds), perSocket), frameBytes, perSocket);
                }
            }
            if (longRaceHours > 0) {
                out.println("Long race: " + longRaceHours + " in-game hours at " + longRaceEventsPerHour + " events/hour ...");
                BenchRace longRace = BenchRace.create(organizer, "Bench long race", "bench", pools, logins.subList(0, 1), registrations);
                report.longRace(LongRaceProbe.run(server, longRace, organizer, longRaceHours, longRaceEventsPerHour, out));
            }
            if (packSeed != null) {
                out.println("Pack download of a " + packMb + " MB seed ...");
                BenchRace packRace = BenchRace.create(organizer, "Bench pack", PackSpeed.POOL, pools, logins.subList(0, 1), registrations);
                report.pack(PackSpeed.measure(server.baseUrl() + packRace.downloadPath(packRace.players().get(0)), packSeed, 3));
            }
            if (rebuildEvents > 0) {
                out.println("Rebuild: stopping the gateway and filling the store to " + rebuildEvents + " events ...");
                GatewayClient admin = client(server, devLogin(client(server, null), "bench_admin", "admin"));
                java.util.Set<String> readModels = new java.util.HashSet<>();
                admin.get("/api/admin/projections").path("tables").fieldNames().forEachRemaining(readModels::add);
                server.stopGateway();
                long events = RebuildSpeed.fill(server, rebuildEvents, rebuildCheck ? readModels : java.util.Set.of(), out);
                server.startGateway(pools, Duration.ofMinutes(3));
                admin = client(server, devLogin(client(server, null), "bench_admin", "admin"));
                List<String> tables = RebuildSpeed.readTables(admin);
                if (rebuildCheck) {
                    out.println("Rebuild check: the live processors build the read tables from the copies ...");
                    RebuildSpeed.awaitLive(admin, out);
                    RebuildSpeed.keepLiveTables(server, tables);
                }
                out.println("Ceiling: a sequential read of the event table ...");
                double ceiling = RebuildSpeed.sequentialRead(server, out);
                RebuildSpeed.Result rebuilt = RebuildSpeed.rebuild(admin, server, events, Duration.ofSeconds(rebuildMaxSeconds),
                        ceiling, out);
                if (rebuildCheck && rebuilt.complete()) {
                    rebuilt = new RebuildSpeed.Result(rebuilt.events(), rebuilt.replayed(), rebuilt.seconds(),
                            rebuilt.eventsPerSecond(), true, rebuilt.deadLetters(), ceiling, RebuildSpeed.compare(server, tables));
                }
                report.rebuild(rebuilt);
            }
            failed = false;
        } catch (GatewayClient.GatewayException e) {
            out.println("bench failed: " + e.getMessage() + " (gateway log: " + server.log() + ")");
        } catch (Exception e) {
            // the report so far is still printed below; the work folder is kept for the logs
            out.println("bench failed: " + e + " (gateway log: " + server.log() + ")");
        } finally {
            registrations.shutdownNow();
            try {
                server.close();
            } catch (Exception e) {
                out.println("could not stop the gateway or the database cleanly: " + e);
            }
            String text = report.markdown();
            out.println();
            out.println(text);
            if (reportFile != null) {
                Files.writeString(reportFile, text);
            }
            if (keep || failed) {
                out.println("Work folder kept: " + work);
            } else {
                Folders.deleteQuietly(work);
            }
            out.flush();
        }
        return failed ? 1 : 0;
    }

    private String usageProblem() {
        if (races < 1 || players < 1 || players > 100 || spectators < 0) {
            return "--races must be at least 1, --players from 1 to 100, --spectators 0 or more";
        }
        if (durationSeconds < 1 || warmupSeconds < 0 || ceilingSeconds < 1) {
            return "--duration and --ceiling-seconds must be at least 1, --warmup 0 or more";
        }
        if (!(deathEvery >= 1) || !(zoneEvery >= 1) || longRaceHours < 0 || longRaceEventsPerHour < 1 || packMb < 0 || rebuildEvents < 0) {
            return "--death-every and --zone-every are at least 1 s; the sizes may not be negative";
        }
        if (!Files.isRegularFile(gatewayJar)) {
            return "no gateway jar at " + gatewayJar.toAbsolutePath() + " (build it: ./mvnw -q -pl gateway/app -am install -DskipTests, "
                    + "or give --gateway-jar)";
        }
        return null;
    }

    private static void writeBenchPool(Path pools, int seeds) throws java.io.IOException {
        Path pool = Files.createDirectories(pools.resolve("bench"));
        Files.writeString(pool.resolve("config.toml"), "display_name = \"Bench\"\nestimated_duration = 60\n");
        SyntheticSeedGenerator generator = SyntheticSeedGenerator.withBundledFogData();
        for (int i = 0; i < seeds; i++) {
            generator.generate(9000 + i, new SeedShape(13, 3)).writeInto(pool);
        }
    }

    private List<BenchRace> createRaces(GatewayClient organizer, Path pools, List<String> logins, ExecutorService parallel,
                                        PrintWriter out) throws Exception {
        List<BenchRace> created = new ArrayList<>();
        try (ProgressBar bar = Progress.bar(out, "races", races, "")) {
            for (int r = 1; r <= races; r++) {
                created.add(BenchRace.create(organizer, "Bench race " + r, "bench", pools, logins, parallel));
                bar.step();
            }
        }
        out.println();
        return created;
    }

    private static GatewayClient client(BenchServer server, String token) {
        ServerOptions options = new ServerOptions();
        options.server = URI.create(server.baseUrl());
        options.token = token;
        return new GatewayClient(options);
    }

    private static String devLogin(GatewayClient anonymous, String login, String role) {
        return anonymous.post("/api/auth/dev-login", Map.of("username", login, "role", role)).path("token").asText();
    }
}
