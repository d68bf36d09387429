package com.speedfog.racing.query.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerStatisticsTest {

    static PlayerRun run(int day, String pool, RunOutcome outcome, Long finish, int deaths, int place, int entrants) {
        return new PlayerRun(UUID.nameUUIDFromBytes(("run" + day).getBytes()), "race", UUID.nameUUIDFromBytes(("race" + day).getBytes()),
                "Race " + day, pool, pool + "/seed_" + day, Instant.parse("2026-01-01T20:00:00Z").plusSeconds(86_400L * day),
                outcome, finish, finish == null ? 1_000_000 : finish, 10, deaths, place, entrants);
    }

    @Test
    void aPlayersRecord() {
        List<PlayerRun> runs = List.of(
                run(1, "standard", RunOutcome.FINISHED, 3_600_000L, 4, 1, 5),
                run(2, "standard", RunOutcome.FINISHED, 3_300_000L, 2, 3, 4),
                run(3, "standard", RunOutcome.DNF, null, 9, 4, 4),
                run(4, "sprint", RunOutcome.FINISHED, 1_800_000L, 0, 1, 1),   // alone: no win, no podium
                run(5, "sprint", RunOutcome.ABANDONED, null, 3, 2, 2),
                run(6, "standard", RunOutcome.DISQUALIFIED, null, 1, 3, 3),
                run(7, "standard", RunOutcome.FINISHED, 3_300_000L, 5, 2, 3)); // equals the best: the earlier stays
        PlayerSummary s = PlayerStatistics.summarize(runs);
        assertThat(s.runs()).isEqualTo(7);
        assertThat(s.finishes()).isEqualTo(4);
        assertThat(s.finishRate()).isEqualTo(4 / 7.0);
        assertThat(s.wins()).isEqualTo(1);
        assertThat(s.podiums()).isEqualTo(3);
        assertThat(s.deaths()).isEqualTo(24);
        assertThat(s.personalBests()).containsOnlyKeys("sprint", "standard");
        assertThat(s.personalBests().get("standard")).isEqualTo(runs.get(1));
        assertThat(s.personalBests().get("sprint")).isEqualTo(runs.get(3));
        assertThat(s.recentForm()).extracting(PlayerRun::raceName)
                .containsExactly("Race 7", "Race 6", "Race 5", "Race 4", "Race 3", "Race 2", "Race 1");
    }

    @Test
    void recentFormKeepsTheLastTen() {
        List<PlayerRun> runs = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            runs.add(run(day, "standard", RunOutcome.FINISHED, 3_000_000L + day, 0, 1, 2));
        }
        PlayerSummary s = PlayerStatistics.summarize(runs);
        assertThat(s.recentForm()).hasSize(10).first().isEqualTo(runs.get(11));
        assertThat(s.personalBests().get("standard")).isEqualTo(runs.get(0));
    }
}
