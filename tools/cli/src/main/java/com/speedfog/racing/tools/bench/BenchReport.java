package com.speedfog.racing.tools.bench;

import java.util.ArrayList;
import java.util.List;

/** The bench's figures as a Markdown table, with the goals of issue 7 beside them. */
final class BenchReport {
    private final String arguments;
    private final List<String> rows = new ArrayList<>();
    private double commitsOne = Double.NaN;
    private double commitsMany = Double.NaN;
    private LiveLoad.Result live;

    BenchReport(String arguments) {
        this.arguments = arguments;
    }

    void ceilingCommits(double oneConnection, double eightConnections) {
        commitsOne = oneConnection;
        commitsMany = eightConnections;
        row("PostgreSQL single-row commits/s (ceiling), 1 connection | 8 connections",
                String.format("%.0f | %.0f", oneConnection, eightConnections), "");
    }

    void live(LiveLoad.Result r) {
        live = r;
        row("Load", String.format("%d players, %d spectator sockets, %.0f s measured", r.players(), r.spectators(), r.windowSeconds()), "");
        row("Mod messages/s sent | acknowledged", String.format("%.0f | %.0f", r.sentPerSecond(), r.ackedPerSecond()), "≥ 1000");
        row("Acknowledged msgs/s as a share of the commit ceiling (8 connections)", percent(r.ackedPerSecond() / commitsMany), "");
        row("Mod message → ack (command latency) p50 / p95 / p99 / max", r.commandLatency().summary(), "");
        row("Mod message → spectator update p50 / p95 / p99 / max", r.spectatorLatency().summary(), "p99 ≤ 100 ms");
        row("Player updates delivered to spectators/s | all spectator frames/s | MiB/s",
                String.format("%.0f | %.0f | %.2f", r.playerUpdatesPerSecond(), r.spectatorFramesPerSecond(), r.spectatorMiBPerSecond()), "");
        row("Stored events in the window | per participant-hour", String.format("%d | %.0f", r.eventsInWindow(), r.eventsPerParticipantHour()),
                "≤ 300 / participant-hour");
        row("Gateway CPU (cores, of 2) | peak RSS", String.format("%.2f | %.0f MiB", r.gatewayCpuCores(), r.gatewayRssMiB()), "");
        row("PostgreSQL CPU (cores) | peak RSS", String.format("%.2f | %.0f MiB", r.databaseCpuCores(), r.databaseRssMiB()), "");
        row("Bench client CPU (cores, same machine)", String.format("%.2f", r.benchCpuCores()), "");
        row("Errors answered to mods | sockets closed (mod, spectator) | updates not matched",
                r.errors() + " | " + r.modSocketsClosed() + ", " + r.spectatorSocketsClosed() + " | " + r.unmatchedUpdates(), "");
    }

    void broadcast(BroadcastCeiling.Result r, int frameBytes, double perSocket) {
        row(String.format("Bare WebSocket broadcast (ceiling), %d-byte frames: deliveries/s flat out", frameBytes),
                String.format("%.0f", r.deliveriesPerSecond()), "");
        row(String.format("Bare broadcast paced like the live run (%.2f frames/s per socket): latency p50 / p95 / p99 / max", perSocket),
                r.pacedLatency().summary(), "");
        if (live != null) {
            row("Gateway spectator frames/s as a share of the bare broadcast ceiling",
                    percent(live.spectatorFramesPerSecond() / r.deliveriesPerSecond()), "");
            row("Gateway p99 (mod → spectator) / bare broadcast p99",
                    String.format("%.1f×", live.spectatorLatency().percentileMs(0.99) / r.pacedLatency().percentileMs(0.99)), "");
        }
    }

    void longRace(LongRaceProbe.Result r) {
        row(String.format("Long race (%.1f in-game h, %d messages): ack latency of the first messages p50 / p95 / p99 / max", r.hours(), r.messages()),
                r.first().summary(), "flat");
        row("Long race: ack latency of the last messages p50 / p95 / p99 / max", r.last().summary(), "flat");
        row("Long race: the participant's stored events | snapshots | errors",
                r.participantEvents() + " | " + r.snapshots() + " | " + r.errors(), "");
    }

    void pack(PackSpeed.Result r) {
        row(String.format("Pack download (%.0f MiB pack of a %.0f MiB zip seed), best of 3", r.packBytes() / 1048576.0, r.seedBytes() / 1048576.0),
                String.format("%.0f MiB/s", r.downloadMiBs()), "");
        row("Reading the seed zip from the disk (O_DIRECT, past the page cache) | from the page cache, best of 3",
                String.format("%.0f MiB/s | %.0f MiB/s", r.diskMiBs(), r.cachedMiBs()), "");
        row("Pack download / disk read | / page-cache read", percent(r.downloadMiBs() / r.diskMiBs()) + " | "
                + percent(r.downloadMiBs() / r.cachedMiBs()), "≥ 50 % of disk");
    }

    void rebuild(RebuildSpeed.Result r) {
        row("Sequential read of the event table (ceiling of a replay)", String.format("%.0f events/s", r.ceiling()), "");
        row(String.format("Projection rebuild, store of %d events, every read model", r.events()), r.complete()
                ? String.format("%.1f s, %.0f events/s", r.seconds(), r.eventsPerSecond())
                : String.format("%d replayed in %.0f s (time limit), %.0f events/s", r.replayed(), r.seconds(), r.eventsPerSecond()),
                "≥ 20,000 events/s");
        row("Rebuild rate as a share of the sequential read", String.format("%.1f %%", 100 * r.eventsPerSecond() / r.ceiling()), "");
        if (r.check() != null) {
            row("Rebuilt read tables against the tables the live processors built", r.check(), "equal");
        }
        row("Dead letters after the rebuild", r.deadLetters(), "none");
    }

    String markdown() {
        StringBuilder text = new StringBuilder("bench " + arguments + "\n\n| measure | result | goal |\n|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }

    /** Figures listed in one cell are separated by "|", escaped so the Markdown table keeps three columns. */
    private void row(String measure, String result, String goal) {
        rows.add("| " + measure.replace(" | ", " \\| ") + " | " + result.replace(" | ", " \\| ") + " | " + goal + " |");
    }

    private static String percent(double ratio) {
        return Double.isFinite(ratio) ? String.format("%.1f %%", ratio * 100) : "n/a";
    }
}
