package com.speedfog.racing.tools.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BroadcastCeilingTest {

    @TempDir
    Path work;

    @Test
    void everySocketGetsEveryBroadcastAndLatencyIsRecorded() throws Exception {
        try (BroadcastCeiling ceiling = new BroadcastCeiling(work)) {
            ceiling.connect(20);
            BroadcastCeiling.Result result = ceiling.measure(500, 4, Duration.ofMillis(500), 20);
            assertThat(result.deliveriesPerSecond()).isPositive();
            // 20 sockets × 20 broadcasts a second, paced
            assertThat(result.pacedDeliveriesPerSecond()).isBetween(200.0, 500.0);
            assertThat(result.pacedLatency().count()).isGreaterThanOrEqualTo(100);
        }
    }
}
