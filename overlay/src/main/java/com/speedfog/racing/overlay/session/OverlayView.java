package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.race.PlayerProgress;
import com.speedfog.racing.overlay.race.RacePhase;
import com.speedfog.racing.protocol.ServerMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the window (or the headless log) shows, as one immutable value: a new value is made
 * for each change, and an equal value means there is nothing new to draw.
 *
 * @param progress      the player's run as read from the game; its IGT is cut to whole seconds
 * @param gameStatus    why the game cannot be read, or empty
 * @param notice        the last thing worth telling the player (a refused message, a local problem)
 */
public record OverlayView(ConnectionState connection, String connectionDetail, int pendingMessages,
                          String raceName, RacePhase phase, Optional<Instant> scheduledStart,
                          Optional<Instant> startedAt, String selfId, Optional<ServerMessage.SeedInfo> seed,
                          Optional<ServerMessage.ZoneUpdate> zone, List<ServerMessage.LeaderboardEntry> leaderboard,
                          PlayerProgress progress, String gameStatus, String notice, boolean uiVisible,
                          boolean exitsVisible) {

    public OverlayView {
        leaderboard = List.copyOf(leaderboard);
    }

    public static OverlayView initial(boolean exitsVisible) {
        return new OverlayView(ConnectionState.CONNECTING, "", 0, "", RacePhase.UNKNOWN, Optional.empty(),
                Optional.empty(), "", Optional.empty(), Optional.empty(), List.of(), PlayerProgress.NOTHING_YET, "", "",
                true, exitsVisible);
    }

    public int totalLayers() {
        return seed.map(ServerMessage.SeedInfo::totalLayers).orElse(0);
    }

    /** This player's leaderboard line, when the server listed it. */
    public Optional<ServerMessage.LeaderboardEntry> self() {
        return leaderboard.stream().filter(e -> e.participantId() != null && e.participantId().equals(selfId)).findFirst();
    }

    OverlayView withConnection(ConnectionState state, String detail) {
        return new OverlayView(state, detail, pendingMessages, raceName, phase, scheduledStart, startedAt, selfId, seed,
                zone, leaderboard, progress, gameStatus, notice, uiVisible, exitsVisible);
    }

    OverlayView withRace(String name, RacePhase newPhase, Optional<Instant> scheduled, Optional<Instant> started) {
        return new OverlayView(connection, connectionDetail, pendingMessages, name, newPhase, scheduled, started, selfId,
                seed, zone, leaderboard, progress, gameStatus, notice, uiVisible, exitsVisible);
    }

    OverlayView withSelf(String id, Optional<ServerMessage.SeedInfo> seedInfo) {
        return new OverlayView(connection, connectionDetail, pendingMessages, raceName, phase, scheduledStart, startedAt,
                id, seedInfo, zone, leaderboard, progress, gameStatus, notice, uiVisible, exitsVisible);
    }

    OverlayView withZone(ServerMessage.ZoneUpdate update) {
        return new OverlayView(connection, connectionDetail, pendingMessages, raceName, phase, scheduledStart, startedAt,
                selfId, seed, Optional.of(update), leaderboard, progress, gameStatus, notice, uiVisible, exitsVisible);
    }

    OverlayView withLeaderboard(List<ServerMessage.LeaderboardEntry> entries) {
        return new OverlayView(connection, connectionDetail, pendingMessages, raceName, phase, scheduledStart, startedAt,
                selfId, seed, zone, entries == null ? List.of() : entries, progress, gameStatus, notice, uiVisible,
                exitsVisible);
    }

    OverlayView withGame(PlayerProgress newProgress, String status, int pending) {
        return new OverlayView(connection, connectionDetail, pending, raceName, phase, scheduledStart, startedAt, selfId,
                seed, zone, leaderboard, newProgress, status, notice, uiVisible, exitsVisible);
    }

    OverlayView withNotice(String text) {
        return new OverlayView(connection, connectionDetail, pendingMessages, raceName, phase, scheduledStart, startedAt,
                selfId, seed, zone, leaderboard, progress, gameStatus, text, uiVisible, exitsVisible);
    }

    OverlayView withToggles(boolean ui, boolean exits) {
        return new OverlayView(connection, connectionDetail, pendingMessages, raceName, phase, scheduledStart, startedAt,
                selfId, seed, zone, leaderboard, progress, gameStatus, notice, ui, exits);
    }
}
