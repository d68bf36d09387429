package com.speedfog.racing.query.leaderboard;

import com.speedfog.racing.query.viewer.Viewer;

import java.util.UUID;

public final class LeaderboardQueries {
    private LeaderboardQueries() {
    }

    /**
     * Answers the race's {@link Leaderboard} as the viewer may see it (a player still racing does not see
     * finishers' names when the race hides them), or null when there is no such race.
     */
    public record GetLeaderboard(UUID raceId, Viewer viewer) {
    }
}
