package com.speedfog.racing.overlay.race;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the race logic knows of the player's run, for the window.
 *
 * @param lastNode          the node named by the last fog flag seen (a local guess until the server's zone_update)
 * @param freshSaveWarning  set when the game was not started from a fresh save
 */
public record PlayerProgress(boolean inGame, boolean loading, OptionalLong igtMs, OptionalLong deaths,
                             Optional<String> lastNode, boolean readySent, boolean finished,
                             Optional<String> freshSaveWarning) {

    public static final PlayerProgress NOTHING_YET = new PlayerProgress(false, false, OptionalLong.empty(),
            OptionalLong.empty(), Optional.empty(), false, false, Optional.empty());
}
