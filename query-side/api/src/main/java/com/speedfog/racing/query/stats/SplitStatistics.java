package com.speedfog.racing.query.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The difficulty of a seed (or of a whole pool): over its runs, the distribution of final times of those
 * who finished, and for every layer from 1 the distribution of the IGT at which runs first reached it
 * (a run that never reached a layer is not in that layer's distribution; its count says how many did).
 * Layer 0, where every run begins at IGT 0, is left out.
 */
public final class SplitStatistics {

    private SplitStatistics() {
    }

    public static SplitSummary summarize(Collection<RunSplits> runs) {
        List<Long> finishes = new ArrayList<>();
        Map<Integer, List<Long>> arrivals = new TreeMap<>();
        for (RunSplits run : runs) {
            if (run.outcome() == RunOutcome.FINISHED && run.finishIgtMs() != null) {
                finishes.add(run.finishIgtMs());
            }
            run.firstArrivals().forEach((layer, igt) -> {
                if (layer > 0) {
                    arrivals.computeIfAbsent(layer, k -> new ArrayList<>()).add(igt);
                }
            });
        }
        Map<Integer, Distribution> layers = new TreeMap<>();
        arrivals.forEach((layer, igts) -> layers.put(layer, Distribution.of(igts)));
        return new SplitSummary(runs.size(), finishes.size(), Distribution.of(finishes), layers);
    }
}
