package com.speedfog.racing.query.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The places of a finished race: finishers by final IGT, equal times sharing a place (1, 2, 2, 4);
 * everyone who did not finish (DNF, abandoned, disqualified) shares the place after the last finisher.
 */
public final class Placings {

    private Placings() {
    }

    /** @param finishIgtMs one entry per participant: their final IGT, or null when they did not finish */
    public static List<Integer> places(List<Long> finishIgtMs) {
        List<Integer> places = new ArrayList<>(finishIgtMs.size());
        int finishers = (int) finishIgtMs.stream().filter(t -> t != null).count();
        for (Long time : finishIgtMs) {
            if (time == null) {
                places.add(finishers + 1);
            } else {
                int faster = (int) finishIgtMs.stream().filter(t -> t != null && t < time).count();
                places.add(faster + 1);
            }
        }
        return places;
    }
}
