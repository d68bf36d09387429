package com.speedfog.racing.query.readmodel;

/**
 * Throws every read model away and replays it from the event store, and tells how far that went. The
 * projections implement it; the gateway's admin endpoints call it.
 */
public interface ReadModelRebuild {

    /** Starts a rebuild of every read model; answers the progress right after it started. */
    RebuildProgress rebuild();

    RebuildProgress progress();
}
