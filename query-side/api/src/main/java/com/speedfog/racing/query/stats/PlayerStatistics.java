package com.speedfog.racing.query.stats;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A player's record: runs; finishes (outcome finished) and the finish rate (finishes over runs); wins
 * (place 1 with at least one rival); podiums (place 1-3 with at least one rival, finished); deaths (all
 * runs); per pool the personal best (the finished run with the lowest final time, the earlier run on a
 * tie); recent form (the last {@link #RECENT_FORM} runs, newest first). Disqualified runs count as runs
 * that did not finish.
 */
public final class PlayerStatistics {

    public static final int RECENT_FORM = 10;

    private PlayerStatistics() {
    }

    public static PlayerSummary summarize(Collection<PlayerRun> runs) {
        int finishes = 0;
        int wins = 0;
        int podiums = 0;
        int deaths = 0;
        Map<String, PlayerRun> bests = new TreeMap<>();
        Comparator<PlayerRun> better = Comparator.comparing(PlayerRun::finishIgtMs).thenComparing(PlayerRun::endedAt);
        for (PlayerRun run : runs) {
            deaths += run.deaths();
            if (run.outcome() != RunOutcome.FINISHED) {
                continue;
            }
            finishes++;
            if (run.entrants() > 1 && run.place() == 1) {
                wins++;
            }
            if (run.entrants() > 1 && run.place() <= 3) {
                podiums++;
            }
            bests.merge(run.pool() == null ? "" : run.pool(), run, (a, b) -> better.compare(a, b) <= 0 ? a : b);
        }
        List<PlayerRun> recent = runs.stream().sorted(Comparator.comparing(PlayerRun::endedAt).reversed())
                .limit(RECENT_FORM).toList();
        return new PlayerSummary(runs.size(), finishes, wins, podiums, deaths, bests, recent);
    }
}
