package com.speedfog.racing.gateway.projection;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waits until every read model has processed everything in the store. */
public final class ProjectionWaits {
    private ProjectionWaits() {
    }

    public static void awaitCaughtUp(ProjectionRebuilder rebuilder) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .alias("projections caught up").until(rebuilder::progress, ProjectionRebuilder.Progress::done);
    }

    /** After {@link ProjectionRebuilder#rebuild()}: every group has replayed the whole store. */
    public static void awaitRebuilt(ProjectionRebuilder rebuilder) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .alias("projections rebuilt").until(rebuilder::progress, ProjectionRebuilder.Progress::rebuilt);
    }
}
