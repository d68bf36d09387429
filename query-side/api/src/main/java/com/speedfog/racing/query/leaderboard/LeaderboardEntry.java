package com.speedfog.racing.query.leaderboard;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * One line of a leaderboard (PROTOCOL.md "leaderboard entry").
 *
 * @param name  the player's display name; null when hidden from a viewer who is still racing
 * @param gapMs behind the leader (see {@link LeaderboardRules}); null when there is nothing to compare
 */
public record LeaderboardEntry(
        int rank,
        @JsonProperty("participant_id") UUID participantId,
        String name,
        String status,
        int layer,
        @JsonProperty("igt_ms") long igtMs,
        @JsonProperty("death_count") int deathCount,
        boolean finished,
        @JsonProperty("gap_ms") Long gapMs,
        @JsonProperty("color_index") int colorIndex) {

    LeaderboardEntry withoutName() {
        return new LeaderboardEntry(rank, participantId, null, status, layer, igtMs, deathCount, finished, gapMs, colorIndex);
    }
}
