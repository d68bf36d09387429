package com.speedfog.racing.query.leaderboard;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A race's standings in order.
 *
 * @param leaderSplits for each layer, the earliest IGT at which anyone reached it
 */
public record Leaderboard(
        @JsonProperty("race_id") UUID raceId,
        List<LeaderboardEntry> participants,
        @JsonProperty("leader_splits") Map<Integer, Long> leaderSplits) {

    /** The same standings for a player still racing when the race hides finishers' names. */
    public Leaderboard hidingFinishedNames() {
        return new Leaderboard(raceId,
                participants.stream().map(e -> e.finished() ? e.withoutName() : e).toList(), leaderSplits);
    }
}
