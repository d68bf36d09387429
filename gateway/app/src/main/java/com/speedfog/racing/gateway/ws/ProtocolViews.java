package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.query.leaderboard.Leaderboard;
import com.speedfog.racing.query.leaderboard.LeaderboardEntry;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-model views as the wire protocol shapes them. */
final class ProtocolViews {
    private ProtocolViews() {
    }

    static List<ServerMessage.LeaderboardEntry> entries(Leaderboard board) {
        return board.participants().stream().map(ProtocolViews::entry).toList();
    }

    static ServerMessage.LeaderboardEntry entry(LeaderboardEntry e) {
        return new ServerMessage.LeaderboardEntry(e.participantId().toString(), e.name(), e.status(), e.layer(), e.igtMs(),
                e.deathCount(), e.finished(), e.gapMs(), e.colorIndex());
    }

    static ServerMessage.LeaderboardUpdate leaderboardUpdate(Leaderboard board) {
        return new ServerMessage.LeaderboardUpdate(entries(board), board.leaderSplits());
    }

    /**
     * A participant as filtered by the viewer's {@link com.speedfog.racing.query.viewer.Sight} (positions
     * and hidden names already left out).
     *
     * @param gapMs the participant's gap from the current leaderboard, if known
     */
    static ServerMessage.ParticipantInfo participant(ParticipantView p, Long gapMs) {
        List<ServerMessage.ZoneVisit> history = p.zoneHistory().stream()
                .map(v -> new ServerMessage.ZoneVisit(v.nodeId(), v.igtMs(), v.deaths())).toList();
        return new ServerMessage.ParticipantInfo(p.id().toString(), p.displayName(), p.displayName(), p.status(),
                p.currentZone(), p.currentLayer(), p.igtMs(), p.deathCount(), p.colorIndex(),
                p.modConnected(), history, gapMs, p.layerEntryIgtMs());
    }

    static ServerMessage.RaceInfo raceForMod(RaceSummary race) {
        return new ServerMessage.RaceInfo(race.id(), race.name(), race.status(), race.scheduledStart(), race.startedAt(),
                race.config().countdownSeconds(), null);
    }

    static ServerMessage.RaceInfo raceForSpectators(RaceSummary race) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("show_finished_names", race.config().showFinishedNames());
        config.put("max_participants", race.config().maxParticipants());
        config.put("countdown_seconds", race.config().countdownSeconds());
        config.put("public", race.config().publicRace());
        config.put("open_registration", race.config().openRegistration());
        return new ServerMessage.RaceInfo(race.id(), race.name(), race.status(), race.scheduledStart(), race.startedAt(),
                race.config().countdownSeconds(), config);
    }

    static ServerMessage.RaceStatusChange statusChange(RaceSummary race) {
        return new ServerMessage.RaceStatusChange(race.status(), race.scheduledStart(), race.config().countdownSeconds(),
                race.startedAt());
    }
}
