package com.speedfog.racing.overlay.race;

/**
 * What the race logic needs to know from the server side at each step.
 *
 * @param connected    authenticated on the race socket right now
 * @param selfDone     the server lists this player as finished or abandoned (after a restart, say)
 */
public record RaceSituation(boolean connected, RacePhase phase, boolean selfDone) {

    public boolean racing() {
        return phase == RacePhase.RUNNING && !selfDone;
    }
}
