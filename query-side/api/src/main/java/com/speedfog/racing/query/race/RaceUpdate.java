package com.speedfog.racing.query.race;

import com.speedfog.racing.query.leaderboard.Leaderboard;

import java.util.UUID;

/** What changed in a watched race: clients apply it without refetching. */
public sealed interface RaceUpdate {
    UUID raceId();

    /** Status, schedule, options or roster size changed. */
    record RaceChanged(UUID raceId, RaceSummary race) implements RaceUpdate {
    }

    /** One participant changed (position, IGT, deaths, status, connection). */
    record ParticipantChanged(UUID raceId, ParticipantView participant) implements RaceUpdate {
    }

    /** A participant left the roster. */
    record ParticipantRemoved(UUID raceId, UUID participantId) implements RaceUpdate {
    }

    record LeaderboardChanged(UUID raceId, Leaderboard leaderboard) implements RaceUpdate {
    }
}
