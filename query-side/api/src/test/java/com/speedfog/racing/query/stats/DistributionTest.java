package com.speedfog.racing.query.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionTest {

    @Test
    void evenCountInterpolates() {
        // (n - 1) p: p25 at 0.75 → 10 + 0.75 × 10 = 17.5 → 18; median at 1.5 → 25; p75 at 2.25 → 32.5 → 33
        assertThat(Distribution.of(List.of(40L, 10L, 30L, 20L))).isEqualTo(new Distribution(4, 10, 18, 25, 33, 40));
    }

    @Test
    void oddCountTakesTheMiddle() {
        assertThat(Distribution.of(List.of(5L, 1L, 3L))).isEqualTo(new Distribution(3, 1, 2, 3, 4, 5));
    }

    @Test
    void oneValueAndNone() {
        assertThat(Distribution.of(List.of(7L))).isEqualTo(new Distribution(1, 7, 7, 7, 7, 7));
        assertThat(Distribution.of(List.of())).isNull();
    }
}
