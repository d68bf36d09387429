package com.speedfog.racing.query.leaderboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ordering and gap rules of a race's leaderboard.
 *
 * <p>Order: finished players by final IGT; then players still running by layer (highest first) and,
 * within a layer, by the IGT at which they reached it; then ready; then registered; then abandoned and
 * DNF (by layer, then IGT); disqualified last. Registration order breaks every remaining tie.
 *
 * <p>Gaps: the leader's split of a layer is the earliest IGT at which anyone reached it. A runner's gap
 * is how far behind the split of their own layer they arrived, and grows live once their IGT passes
 * the split of the next layer without having reached it. A finisher's gap is their time minus the
 * winner's.
 */
public final class LeaderboardRules {

    private LeaderboardRules() {
    }

    private enum Group { FINISHED, PLAYING, READY, REGISTERED, OUT, DISQUALIFIED }

    public static Leaderboard rank(UUID raceId, Collection<Standing> standings, Map<Integer, Long> leaderSplits) {
        List<Standing> ordered = new ArrayList<>(standings);
        ordered.sort(ORDER);
        Long winner = ordered.stream().filter(s -> group(s) == Group.FINISHED)
                .map(Standing::finishIgtMs).findFirst().orElse(null);
        List<LeaderboardEntry> entries = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Standing s = ordered.get(i);
            boolean finished = group(s) == Group.FINISHED;
            long igt = finished ? s.finishIgtMs() : s.igtMs();
            entries.add(new LeaderboardEntry(i + 1, s.participantId(), s.name(), s.status(), s.layer(), igt,
                    s.deathCount(), finished, gap(s, winner, leaderSplits), s.colorIndex()));
        }
        return new Leaderboard(raceId, List.copyOf(entries), new TreeMap<>(leaderSplits));
    }

    /** The earliest IGT at which anyone reached each layer, from each participant's first arrivals. */
    public static Map<Integer, Long> leaderSplits(Collection<Map<Integer, Long>> firstArrivals) {
        Map<Integer, Long> splits = new TreeMap<>();
        for (Map<Integer, Long> arrivals : firstArrivals) {
            arrivals.forEach((layer, igt) -> splits.merge(layer, igt, Math::min));
        }
        return splits;
    }

    static Long gap(Standing s, Long winnerIgt, Map<Integer, Long> splits) {
        Group group = group(s);
        if (group == Group.FINISHED) {
            return s.finishIgtMs() - winnerIgt;
        }
        if (group != Group.PLAYING || s.layerEntryIgtMs() == null) {
            return null;
        }
        Long split = splits.get(s.layer());
        if (split == null) {
            return null;
        }
        long gap = s.layerEntryIgtMs() - split;
        Long nextSplit = splits.get(s.layer() + 1);
        if (nextSplit != null && s.igtMs() > nextSplit) {
            gap = Math.max(gap, s.igtMs() - nextSplit);
        }
        return Math.max(gap, 0);
    }

    private static Group group(Standing s) {
        switch (s.status()) {
            case "finished":
                return Group.FINISHED;
            case "disqualified":
                return Group.DISQUALIFIED;
            case "abandoned":
                return Group.OUT;
            default:
                break;
        }
        if (s.closed()) {
            return Group.OUT;
        }
        return switch (s.status()) {
            case "playing" -> Group.PLAYING;
            case "ready" -> Group.READY;
            default -> Group.REGISTERED;
        };
    }

    private static final Comparator<Long> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private static final Comparator<Standing> ORDER = Comparator
            .comparing(LeaderboardRules::group)
            .thenComparing((a, b) -> switch (group(a)) {
                case FINISHED -> NULLS_LAST.compare(a.finishIgtMs(), b.finishIgtMs());
                case PLAYING, OUT -> {
                    int byLayer = Integer.compare(b.layer(), a.layer());
                    yield byLayer != 0 ? byLayer : NULLS_LAST.compare(a.layerEntryIgtMs(), b.layerEntryIgtMs());
                }
                default -> 0;
            })
            .thenComparingInt(Standing::registrationOrder);
}
