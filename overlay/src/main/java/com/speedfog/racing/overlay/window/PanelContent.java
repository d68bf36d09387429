package com.speedfog.racing.overlay.window;

import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.race.IgtFormat;
import com.speedfog.racing.overlay.race.RacePhase;
import com.speedfog.racing.overlay.session.OverlayView;
import com.speedfog.racing.protocol.ServerMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words and numbers of the overlay panel (design §6), computed from an {@link OverlayView} without
 * any drawing, so the layout code only places them.
 *
 * @param banner countdown, GO or waiting line, shown between the header and the leaderboard
 */
public record PanelContent(String zone, String igt, String tier, String layer, Optional<String> banner,
                           List<Row> rows, String exitsHeader, List<String> exits, String connectionLine,
                           boolean connectionHealthy, List<String> warnings) {

    /** How long "GO!" stays up after the start. */
    static final Duration GO_SHOWN = Duration.ofSeconds(5);

    /**
     * @param progress fraction of the layers reached, 0..1
     * @param right    finish time for finished players, layer reached ("8/12") for the others
     */
    public record Row(String rank, String name, boolean self, boolean finished, float progress, String right) {
    }

    public static PanelContent of(OverlayView view, Instant now, String toggleExitsKey) {
        int maxLayer = Math.max(1, view.totalLayers() - 1); // layers are numbered 0 (start) .. total - 1 (final boss)
        Optional<ServerMessage.ZoneUpdate> zone = view.zone();
        String zoneName = zone.map(ServerMessage.ZoneUpdate::displayName)
                .or(() -> view.progress().lastNode())
                .orElse(view.progress().inGame() ? "In game" : "Not in game");
        String igt = view.progress().igtMs().isPresent() ? IgtFormat.clock(view.progress().igtMs().getAsLong()) : "--:--";
        String tier = zone.map(ServerMessage.ZoneUpdate::tier).map(t -> "Tier " + t).orElse("");
        Optional<Integer> layerNow = zone.map(ServerMessage.ZoneUpdate::layer).or(() -> view.self().map(ServerMessage.LeaderboardEntry::layer));
        String layer = view.totalLayers() > 0 ? layerNow.orElse(0) + "/" + maxLayer : "";

        List<Row> rows = new ArrayList<>();
        int rank = 1;
        for (ServerMessage.LeaderboardEntry entry : view.leaderboard()) {
            boolean self = entry.participantId() != null && entry.participantId().equals(view.selfId());
            String name = entry.name() == null || entry.name().isBlank() ? "(hidden)" : entry.name();
            if (entry.finished()) {
                rows.add(new Row(rank + ".", name + " [FIN]", self, true, 1f, IgtFormat.clock(entry.igtMs())));
            } else {
                float fraction = Math.min(1f, Math.max(0f, entry.layer() / (float) maxLayer));
                rows.add(new Row(rank + ".", name, self, false, fraction, entry.layer() + "/" + maxLayer));
            }
            rank++;
        }

        List<String> exits = zone.map(z -> z.exits() == null ? List.<String>of() : z.exits().stream()
                .map(e -> "-> " + (e.discovered() && e.toName() != null ? e.toName() : "??? (undiscovered)"))
                .toList()).orElse(List.of());
        String exitsHeader = (view.exitsVisible() ? "v Exits (" : "> Exits (") + toggleExitsKey
                + (view.exitsVisible() ? " to hide)" : " to show)");

        List<String> warnings = new ArrayList<>();
        view.progress().freshSaveWarning().filter(w -> view.phase() != RacePhase.RUNNING && !view.phase().isOver())
                .ifPresent(warnings::add);
        if (!view.gameStatus().isBlank()) {
            warnings.add(view.gameStatus());
        }
        if (!view.notice().isBlank()) {
            warnings.add(view.notice());
        }
        return new PanelContent(zoneName, igt, tier, layer, banner(view, now), List.copyOf(rows), exitsHeader, exits,
                connectionLine(view), view.connection() == ConnectionState.CONNECTED, List.copyOf(warnings));
    }

    static Optional<String> banner(OverlayView view, Instant now) {
        return switch (view.phase()) {
            case COUNTDOWN -> Optional.of(view.scheduledStart()
                    .map(start -> Duration.between(now, start))
                    .filter(left -> !left.isNegative())
                    .map(left -> "Starting in " + IgtFormat.clock(left.toMillis() + 999))
                    .orElse("Starting..."));
            case RUNNING -> view.startedAt()
                    .filter(start -> Duration.between(start, now).compareTo(GO_SHOWN) < 0)
                    .map(start -> "GO!");
            case DRAFT, OPEN -> Optional.of("Waiting for the start");
            case FINISHED -> Optional.of("Race over");
            case CANCELLED -> Optional.of("Race cancelled");
            case UNKNOWN -> Optional.empty();
        };
    }

    static String connectionLine(OverlayView view) {
        String unsent = view.pendingMessages() > 0 ? " - " + view.pendingMessages() + " unacknowledged" : "";
        return switch (view.connection()) {
            case CONNECTING -> "Connecting..." + unsent;
            case CONNECTED -> "Connected" + (view.raceName().isBlank() ? "" : " - " + view.raceName()) + unsent;
            case RECONNECTING -> "Reconnecting: " + view.connectionDetail() + unsent;
            case REFUSED -> "Token refused: " + view.connectionDetail();
            case REPLACED -> "Disconnected: " + view.connectionDetail();
            case CLOSED -> "Closed" + unsent;
        };
    }
}
