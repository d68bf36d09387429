package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waits until every read model has processed everything in the store. */
public final class ProjectionWaits {
    private ProjectionWaits() {
    }

    public static void awaitCaughtUp(ReadModelRebuild rebuilder) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .alias("projections caught up").until(rebuilder::progress, RebuildProgress::done);
    }

    /** After {@link ReadModelRebuild#rebuild()}: every group has replayed the whole store. */
    public static void awaitRebuilt(ReadModelRebuild rebuilder) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .alias("projections rebuilt").until(rebuilder::progress, RebuildProgress::rebuilt);
    }
}
