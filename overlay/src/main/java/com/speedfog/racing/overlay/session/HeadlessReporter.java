package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.race.IgtFormat;
import com.speedfog.racing.protocol.ServerMessage;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@code --headless}: what the window would show, as log lines, one per change worth reading. */
public final class HeadlessReporter {

    static final long PROGRESS_EVERY_MS = 10_000;

    private final OverlayState state;
    private final Consumer<String> log;
    private OverlayView last = OverlayView.initial(true);
    private long lastProgressMs;

    public HeadlessReporter(OverlayState state, Consumer<String> log) {
        this.state = state;
        this.log = log;
    }

    /** Starts reporting every change of {@code state}. */
    public void attach() {
        state.observe(() -> report(System.currentTimeMillis()));
    }

    synchronized void report(long nowMs) {
        OverlayView now = state.view();
        if (now.connection() != last.connection() || !now.connectionDetail().equals(last.connectionDetail())) {
            log.accept("connection: " + now.connection().name().toLowerCase()
                    + (now.connectionDetail().isBlank() ? "" : " (" + now.connectionDetail() + ")"));
        }
        if (now.phase() != last.phase() || !now.raceName().equals(last.raceName())) {
            log.accept("race '" + now.raceName() + "': " + now.phase().name().toLowerCase()
                    + now.scheduledStart().map(s -> ", start at " + s).orElse(""));
        }
        if (!now.zone().equals(last.zone())) {
            now.zone().ifPresent(z -> log.accept("zone: " + z.displayName() + " (tier " + z.tier() + ", layer " + z.layer()
                    + "/" + Math.max(1, now.totalLayers() - 1) + ", " + (z.exits() == null ? 0 : z.exits().size()) + " exits)"));
        }
        if (!now.leaderboard().equals(last.leaderboard()) && !now.leaderboard().isEmpty()) {
            log.accept("leaderboard: " + now.leaderboard().stream().map(e -> leaderboardEntry(e, now.selfId()))
                    .collect(Collectors.joining(" | ")));
        }
        if (!now.progress().freshSaveWarning().equals(last.progress().freshSaveWarning())) {
            now.progress().freshSaveWarning().ifPresent(w -> log.accept("WARNING: " + w));
        }
        if (!Objects.equals(now.gameStatus(), last.gameStatus()) && !now.gameStatus().isBlank()) {
            log.accept("game: " + now.gameStatus());
        }
        if (!Objects.equals(now.notice(), last.notice()) && !now.notice().isBlank()) {
            log.accept(now.notice());
        }
        if (now.progress().finished() && !last.progress().finished()) {
            log.accept("finished!");
        }
        if (now.progress().igtMs().isPresent() && nowMs - lastProgressMs >= PROGRESS_EVERY_MS) {
            lastProgressMs = nowMs;
            log.accept("IGT " + IgtFormat.clock(now.progress().igtMs().getAsLong()) + ", deaths "
                    + now.progress().deaths().orElse(0) + (now.progress().loading() ? ", loading" : "")
                    + ", unacknowledged messages " + now.pendingMessages());
        }
        last = now;
    }

    private static String leaderboardEntry(ServerMessage.LeaderboardEntry e, String selfId) {
        String who = (e.name() == null ? "?" : e.name()) + (Objects.equals(e.participantId(), selfId) ? " (you)" : "");
        return who + (e.finished() ? " FIN " + IgtFormat.clock(e.igtMs()) : " L" + e.layer());
    }
}
