package com.speedfog.racing.query.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SplitStatisticsTest {

    @Test
    void finishTimesAndLayerArrivalsOfASeed() {
        SplitSummary seed = SplitStatistics.summarize(List.of(
                new RunSplits(RunOutcome.FINISHED, 600_000L, Map.of(0, 0L, 1, 60_000L, 2, 200_000L, 3, 420_000L)),
                new RunSplits(RunOutcome.DNF, null, Map.of(0, 0L, 1, 90_000L, 2, 150_000L)),
                new RunSplits(RunOutcome.FINISHED, 500_000L, Map.of(0, 0L, 1, 50_000L, 2, 100_000L, 3, 300_000L)),
                new RunSplits(RunOutcome.ABANDONED, null, Map.of(0, 0L))));
        assertThat(seed.runs()).isEqualTo(4);
        assertThat(seed.finishers()).isEqualTo(2);
        assertThat(seed.finishRate()).isEqualTo(0.5);
        assertThat(seed.finishMs()).isEqualTo(new Distribution(2, 500_000, 525_000, 550_000, 575_000, 600_000));
        assertThat(seed.layerArrivals()).containsOnlyKeys(1, 2, 3);
        assertThat(seed.layerArrivals().get(1)).isEqualTo(new Distribution(3, 50_000, 55_000, 60_000, 75_000, 90_000));
        assertThat(seed.layerArrivals().get(2)).isEqualTo(new Distribution(3, 100_000, 125_000, 150_000, 175_000, 200_000));
        assertThat(seed.layerArrivals().get(3)).isEqualTo(new Distribution(2, 300_000, 330_000, 360_000, 390_000, 420_000));
    }

    @Test
    void nobodyFinished() {
        SplitSummary seed = SplitStatistics.summarize(List.of(new RunSplits(RunOutcome.DNF, null, Map.of(0, 0L))));
        assertThat(seed.finishMs()).isNull();
        assertThat(seed.layerArrivals()).isEmpty();
        assertThat(seed.finishRate()).isZero();
    }
}
