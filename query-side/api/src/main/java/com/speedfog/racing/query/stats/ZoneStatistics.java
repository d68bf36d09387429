package com.speedfog.racing.query.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per zone, over many runs:
 * <ul>
 *   <li>entries: stays in it (every entry through a fog gate, revisits included);</li>
 *   <li>runs: runs that entered it at least once;</li>
 *   <li>deaths: deaths during those stays;</li>
 *   <li>a run <em>cleared</em> it when its last stay there ended by entering a node of the same or a
 *       higher layer, or by finishing the race; it was a <em>dead end</em> for the run when that last
 *       stay ended by turning back to a lower layer (a run that ended in it did neither);</li>
 *   <li>time spent: for each run that cleared it, the sum of its stays there; the distribution
 *       (median, best = minimum, ...) is over those runs.</li>
 * </ul>
 */
public final class ZoneStatistics {

    private ZoneStatistics() {
    }

    /** @param runs each run's stays in order; zones come out most entered first, then by name */
    public static List<ZoneSummary> summarize(Collection<List<ZoneStay>> runs) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (List<ZoneStay> run : runs) {
            Map<String, RunInZone> perZone = new LinkedHashMap<>();
            for (ZoneStay stay : run) {
                RunInZone z = perZone.computeIfAbsent(stay.zone(), k -> new RunInZone());
                z.entries++;
                z.deaths += stay.deaths();
                z.spentMs += stay.spentMs();
                z.lastExit = stay.exit();
            }
            perZone.forEach((zone, z) -> tallies.computeIfAbsent(zone, k -> new Tally()).add(z));
        }
        List<ZoneSummary> summaries = new ArrayList<>(tallies.size());
        tallies.forEach((zone, t) -> summaries.add(new ZoneSummary(zone, t.entries, t.runs, t.deaths, t.spent.size(),
                t.deadEnds, Distribution.of(t.spent))));
        summaries.sort(Comparator.comparingInt(ZoneSummary::entries).reversed().thenComparing(ZoneSummary::zone));
        return summaries;
    }

    private static final class RunInZone {
        int entries;
        int deaths;
        long spentMs;
        ZoneStay.Exit lastExit;
    }

    private static final class Tally {
        int entries;
        int runs;
        int deaths;
        int deadEnds;
        final List<Long> spent = new ArrayList<>();

        void add(RunInZone z) {
            entries += z.entries;
            runs++;
            deaths += z.deaths;
            switch (z.lastExit) {
                case FORWARD, SIDEWAYS, FINISH -> spent.add(z.spentMs);
                case BACK -> deadEnds++;
                case END -> {
                }
            }
        }
    }
}
