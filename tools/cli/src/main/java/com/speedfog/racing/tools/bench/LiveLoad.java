package com.speedfog.racing.tools.bench;

import me.tongfei.progressbar.ProgressBar;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * R races × P players (a status a second each, deaths and fog gates at a realistic rate, a finish each at
 * the end) and S spectator sockets per race, against the running gateway.
 */
final class LiveLoad {

    record Settings(int spectatorsPerRace, Duration warmup, Duration window, double deathEverySeconds,
                    double zoneEverySeconds, long randomSeed) {
    }

    record Result(int players, int spectators, double windowSeconds, double sentPerSecond, double ackedPerSecond,
                  Latencies commandLatency, Latencies spectatorLatency, double playerUpdatesPerSecond,
                  double spectatorFramesPerSecond, double spectatorMiBPerSecond, long eventsInWindow,
                  double eventsPerParticipantHour, double gatewayCpuCores, double gatewayRssMiB, double databaseCpuCores,
                  double databaseRssMiB, double benchCpuCores, int modSocketsClosed, int spectatorSocketsClosed,
                  String errors, long unmatchedUpdates) {
    }

    private final BenchServer server;
    private final List<BenchRace> races;
    private final Settings settings;
    private final PrintWriter out;
    private final LiveMetrics metrics = new LiveMetrics();
    private final List<ModClient> mods = new ArrayList<>();
    private final List<SpectatorClient> spectators = new ArrayList<>();

    LiveLoad(BenchServer server, List<BenchRace> races, Settings settings, PrintWriter out) {
        this.server = server;
        this.races = races;
        this.settings = settings;
        this.out = out;
    }

    Result run(com.speedfog.racing.tools.common.GatewayClient organizer) throws Exception {
        String wsBase = server.baseUrl().replaceFirst("^http", "ws");
        ExecutorService socketThreads = Executors.newFixedThreadPool(4, daemon("bench-socket"));
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(HttpClient.newBuilder().executor(socketThreads).build());
        }
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, daemon("bench-tick"));
        ExecutorService connecting = Executors.newFixedThreadPool(8, daemon("bench-connect"));
        try {
            connectAll(clients, wsBase, connecting);
            for (BenchRace race : races) {
                organizer.post("/api/races/" + race.id() + "/start", java.util.Map.of("in_seconds", 3));
            }
            for (ModClient mod : mods) {
                mod.started.get(60, TimeUnit.SECONDS);
            }
            double deathChance = 1.0 / settings.deathEverySeconds();
            double zoneChance = 1.0 / settings.zoneEverySeconds();
            Random phases = new Random(settings.randomSeed());
            for (ModClient mod : mods) {
                ticks.scheduleAtFixedRate(() -> mod.tick(deathChance, zoneChance), phases.nextInt(1000), 1000,
                        TimeUnit.MILLISECONDS);
            }
            return measure();
        } finally {
            ticks.shutdownNow();
            mods.forEach(ModClient::finish);
            Thread.sleep(2000); // let the finishes be stored before the sockets go
            mods.forEach(ModClient::close);
            spectators.forEach(SpectatorClient::close);
            connecting.shutdownNow();
            socketThreads.shutdownNow();
        }
    }

    private void connectAll(List<HttpClient> clients, String wsBase, ExecutorService connecting) throws Exception {
        int total = races.stream().mapToInt(r -> r.players().size()).sum() + races.size() * settings.spectatorsPerRace();
        long seed = settings.randomSeed();
        List<Future<?>> pending = new ArrayList<>();
        int n = 0;
        for (BenchRace race : races) {
            for (int s = 0; s < settings.spectatorsPerRace(); s++) {
                SpectatorClient spectator = new SpectatorClient(metrics);
                spectators.add(spectator);
                HttpClient http = clients.get(n++ % clients.size());
                pending.add(connecting.submit(() -> {
                    spectator.connect(http, wsBase, race.id());
                    return spectator.gotState.get(60, TimeUnit.SECONDS);
                }));
            }
            for (BenchRace.Player player : race.players()) {
                ModClient mod = new ModClient(player, race.graph(), metrics, seed++);
                mods.add(mod);
                HttpClient http = clients.get(n++ % clients.size());
                pending.add(connecting.submit(() -> {
                    mod.connect(http, wsBase, race.id());
                    mod.authenticated.get(60, TimeUnit.SECONDS);
                    mod.ready();
                    return null;
                }));
            }
        }
        try (ProgressBar bar = Progress.bar(out, "sockets", total, "")) {
            for (Future<?> connection : pending) {
                connection.get(120, TimeUnit.SECONDS);
                bar.step();
            }
        }
        out.println();
    }

    private Result measure() throws Exception {
        long warmupSeconds = settings.warmup().toSeconds();
        long windowSeconds = settings.window().toSeconds();
        List<Long> gatewayPid = List.of(server.gatewayPid());
        List<Long> benchPid = List.of(ProcessHandle.current().pid());
        try (ProgressBar bar = Progress.bar(out, "live", warmupSeconds + windowSeconds, " s")) {
            for (long s = 0; s < warmupSeconds; s++) {
                Thread.sleep(1000);
                bar.step();
                bar.setExtraMessage(" warming up");
            }
            List<Long> databasePids = server.databasePids();
            long headBefore = head();
            long sent0 = metrics.sent.sum(), acked0 = metrics.acked.sum(), updates0 = metrics.playerUpdates.sum();
            long frames0 = metrics.spectatorFrames.sum(), bytes0 = metrics.spectatorBytes.sum();
            double gw0 = ProcessStats.cpuSeconds(gatewayPid), db0 = ProcessStats.cpuSeconds(databasePids);
            double bench0 = ProcessStats.cpuSeconds(benchPid);
            long start = System.nanoTime();
            metrics.measuring = true;
            double peakGatewayRss = 0, peakDatabaseRss = 0;
            for (long s = 1; s <= windowSeconds; s++) {
                Thread.sleep(Math.max(0, start + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                peakGatewayRss = Math.max(peakGatewayRss, ProcessStats.residentMiB(gatewayPid));
                peakDatabaseRss = Math.max(peakDatabaseRss, ProcessStats.residentMiB(server.databasePids()));
                double elapsed = (System.nanoTime() - start) / 1e9;
                bar.step();
                bar.setExtraMessage(String.format(" %.0f msgs/s acked, %.0f player updates/s to spectators",
                        (metrics.acked.sum() - acked0) / elapsed, (metrics.playerUpdates.sum() - updates0) / elapsed));
            }
            metrics.measuring = false;
            double seconds = (System.nanoTime() - start) / 1e9;
            double gw = ProcessStats.cpuSeconds(gatewayPid) - gw0, db = ProcessStats.cpuSeconds(databasePids) - db0;
            double bench = ProcessStats.cpuSeconds(benchPid) - bench0;
            long events = storedAfter(headBefore);
            int players = mods.size();
            out.println();
            return new Result(players, spectators.size(), seconds, (metrics.sent.sum() - sent0) / seconds,
                    (metrics.acked.sum() - acked0) / seconds, metrics.commandLatency, metrics.spectatorLatency,
                    (metrics.playerUpdates.sum() - updates0) / seconds, (metrics.spectatorFrames.sum() - frames0) / seconds,
                    (metrics.spectatorBytes.sum() - bytes0) / seconds / (1024 * 1024), events,
                    events / (players * seconds / 3600.0), gw / seconds, peakGatewayRss, db / seconds, peakDatabaseRss,
                    bench / seconds, (int) mods.stream().filter(m -> !m.isOpen()).count(),
                    (int) spectators.stream().filter(s -> !s.isOpen()).count(), errorSummary(),
                    metrics.unmatchedUpdates.get());
        }
    }

    private String errorSummary() {
        if (metrics.errors.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        metrics.errors.forEach((code, n) -> text.append(text.isEmpty() ? "" : ", ").append(code).append(' ').append(n.sum()));
        return text.toString();
    }

    /** The highest global index: events stored so far (the sequence allocates by one). */
    private long head() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows stored after that global index (counted: a rolled-back transaction leaves a gap in the sequence). */
    private long storedAfter(long index) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from domain_event_entry where global_index > " + index)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
