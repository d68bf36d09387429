package com.speedfog.racing.query.readmodel;

import java.util.List;

/**
 * Rebuilds read models from the event store into new tables while the live ones serve, and tells how far
 * that went. The projections implement it; the gateway's admin endpoints call it.
 */
public interface ReadModelRebuild {

    /** Starts a rebuild of every read model; answers the progress right after it started. */
    RebuildProgress rebuild();

    /** Starts a rebuild of these read models (processing groups; see {@link RebuildProgress#tables()}). */
    RebuildProgress rebuild(List<String> groups);

    RebuildProgress progress();
}
