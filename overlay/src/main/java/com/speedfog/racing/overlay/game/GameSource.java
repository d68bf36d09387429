package com.speedfog.racing.overlay.game;

import java.util.Collection;

/** Where snapshots of the game come from: ELDEN RING itself, or a simulated player. */
public interface GameSource extends AutoCloseable {

    /**
     * One sample, including the state of {@code watchedFlags}. When the game cannot be read at the
     * moment (not running yet, restarting) the snapshot is empty and {@link #status()} says why.
     */
    GameSnapshot read(Collection<Long> watchedFlags);

    /** A line for the player about the game source ("waiting for eldenring.exe ..."), empty when all is well. */
    String status();

    /** The race just started (GO). Real games ignore it; a simulated player starts running. */
    default void raceStarted() {
    }

    @Override
    default void close() {
    }
}
