package com.speedfog.racing.seeds.zone;

/**
 * How well map ids resolve a seed's random transitions: each random link walked forwards, from the map of its
 * way out to the map where it lets out (the first map of each side, see
 * {@link com.speedfog.racing.seeds.fog.FogGate#mapsOf}), resolved as a player's overlay would.
 *
 * @param randomLinks      the seed's random links
 * @param unique           resolved to exactly that link by the two map ids alone
 * @param uniqueKnowingZone resolved to exactly that link when the zone the player was in is known too
 * @param ambiguous        several links fit the two map ids
 * @param sameMap          both map ids are the same (among {@code unique}/{@code ambiguous} as they resolve)
 * @param unknown          no link fits (the link's ways could not be placed on maps)
 * @param gatesIdentified  links whose two sides were found in fog.txt from the log's "where" texts
 */
public record ResolutionReport(int randomLinks, int unique, int uniqueKnowingZone, int ambiguous, int sameMap,
                               int unknown, int gatesIdentified) {

    public double uniqueShare() {
        return share(unique);
    }

    public double uniqueKnowingZoneShare() {
        return share(uniqueKnowingZone);
    }

    private double share(int count) {
        return randomLinks == 0 ? 0 : (double) count / randomLinks;
    }

    /** One line for people, e.g. {@code 139/151 random transitions (92.1 %) ...}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d/%d random transitions (%.1f %%) resolved uniquely by the map ids alone; %d (%.1f %%) knowing the"
                        + " zone the player was in; %d ambiguous, %d same-map, %d unknown; gates of %d links found in fog.txt",
                unique, randomLinks, 100 * uniqueShare(), uniqueKnowingZone, 100 * uniqueKnowingZoneShare(),
                ambiguous, sameMap, unknown, gatesIdentified);
    }
}
