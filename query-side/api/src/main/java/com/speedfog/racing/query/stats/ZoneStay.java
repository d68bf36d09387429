package com.speedfog.racing.query.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * One stay in a zone: from an entry to the next entry, or to the end of the run.
 *
 * @param zone      the zone ({@link Zones#zoneOf})
 * @param layer     the layer of the node
 * @param spentMs   IGT from the entry to the next entry (or the run's end)
 * @param deaths    deaths during the stay
 * @param exit      how the stay ended
 */
public record ZoneStay(String zone, int layer, long spentMs, int deaths, Exit exit) {

    public enum Exit {
        /** entered a node of a higher layer */
        FORWARD,
        /** entered a node of the same layer */
        SIDEWAYS,
        /** turned back: entered a node of a lower layer */
        BACK,
        /** finished the race in it */
        FINISH,
        /** the run ended in it without finishing (DNF, abandon) */
        END
    }

    /**
     * The stays of one run, in order. The start node (null node id) is not a zone of the statistics: its
     * time and deaths are left out.
     *
     * @param visits      the run's entries in order, the start first
     * @param endIgtMs    the run's last IGT: its final time when it finished
     * @param endDeaths   the run's death count at its end
     * @param finished    whether the run finished (the last stay then ends with {@link Exit#FINISH})
     */
    public static List<ZoneStay> of(List<ZoneVisit> visits, long endIgtMs, int endDeaths, boolean finished) {
        List<ZoneStay> stays = new ArrayList<>(visits.size());
        for (int i = 0; i < visits.size(); i++) {
            ZoneVisit v = visits.get(i);
            if (v.nodeId() == null) {
                continue;
            }
            ZoneVisit next = i + 1 < visits.size() ? visits.get(i + 1) : null;
            long leftAt = next == null ? Math.max(endIgtMs, v.enteredIgtMs()) : next.enteredIgtMs();
            int deathsAtExit = next == null ? Math.max(endDeaths, v.deathsAtEntry()) : next.deathsAtEntry();
            Exit exit;
            if (next == null) {
                exit = finished ? Exit.FINISH : Exit.END;
            } else if (next.layer() > v.layer()) {
                exit = Exit.FORWARD;
            } else if (next.layer() < v.layer()) {
                exit = Exit.BACK;
            } else {
                exit = Exit.SIDEWAYS;
            }
            stays.add(new ZoneStay(Zones.zoneOf(v.nodeId()), v.layer(), Math.max(0, leftAt - v.enteredIgtMs()),
                    Math.max(0, deathsAtExit - v.deathsAtEntry()), exit));
        }
        return stays;
    }
}
