package com.speedfog.racing.query.leaderboard;

import java.util.UUID;

public final class LeaderboardQueries {
    private LeaderboardQueries() {
    }

    /**
     * Answers the race's {@link Leaderboard}, or null when there is no such race.
     *
     * @param viewerUserId who is looking (null for anonymous): a player still racing does not see
     *                     finishers' names when the race hides them
     */
    public record GetLeaderboard(UUID raceId, String viewerUserId) {
    }
}
