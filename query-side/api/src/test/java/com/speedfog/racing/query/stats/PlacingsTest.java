package com.speedfog.racing.query.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PlacingsTest {

    @Test
    void finishersByTimeTiesShareAndSkipNonFinishersShareTheLastPlace() {
        // times: 50:00, 40:00, DNF, 45:00, 45:00, abandoned
        assertThat(Placings.places(Arrays.asList(3_000_000L, 2_400_000L, null, 2_700_000L, 2_700_000L, null)))
                .containsExactly(4, 1, 5, 2, 2, 5);
    }

    @Test
    void nobodyFinishedMeansEverybodyShares1() {
        assertThat(Placings.places(Arrays.asList(null, null, null))).containsExactly(1, 1, 1);
    }

    @Test
    void outcomesFromFinalStatuses() {
        assertThat(RunOutcome.ofFinalStatus("finished")).isEqualTo(RunOutcome.FINISHED);
        assertThat(RunOutcome.ofFinalStatus("PLAYING")).isEqualTo(RunOutcome.DNF);
        assertThat(RunOutcome.ofFinalStatus("ready")).isEqualTo(RunOutcome.DNF);
        assertThat(RunOutcome.ofFinalStatus("abandoned")).isEqualTo(RunOutcome.ABANDONED);
        assertThat(RunOutcome.ofFinalStatus("DISQUALIFIED")).isEqualTo(RunOutcome.DISQUALIFIED);
    }
}
