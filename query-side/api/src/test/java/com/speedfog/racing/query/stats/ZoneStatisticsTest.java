package com.speedfog.racing.query.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of stays, and of the zone statistics over two runs. */
class ZoneStatisticsTest {

    // Run A finishes at 10:00 with 3 deaths: stormveil, academy (turns back), liurnia_manor, academy again, erdtree.
    static final List<ZoneVisit> RUN_A = List.of(
            new ZoneVisit(null, 0, 0, 0),
            new ZoneVisit("stormveil_db4a", 1, 60_000, 1),
            new ZoneVisit("academy_d5a9", 2, 200_000, 2),
            new ZoneVisit("liurnia_manor_9103", 1, 260_000, 2),
            new ZoneVisit("academy_d5a9", 2, 300_000, 2),
            new ZoneVisit("leyndell_erdtree_ca15", 3, 420_000, 3));

    // Run B (another seed: other suffixes) stops at 8:20 with 5 deaths, back in stormveil after academy.
    static final List<ZoneVisit> RUN_B = List.of(
            new ZoneVisit(null, 0, 0, 0),
            new ZoneVisit("stormveil_1111", 1, 90_000, 0),
            new ZoneVisit("academy_beef", 2, 150_000, 4),
            new ZoneVisit("stormveil_1111", 1, 400_000, 5));

    @Test
    void staysOfARun() {
        assertThat(ZoneStay.of(RUN_A, 600_000, 3, true)).containsExactly(
                new ZoneStay("stormveil", 1, 140_000, 1, ZoneStay.Exit.FORWARD),
                new ZoneStay("academy", 2, 60_000, 0, ZoneStay.Exit.BACK),
                new ZoneStay("liurnia_manor", 1, 40_000, 0, ZoneStay.Exit.FORWARD),
                new ZoneStay("academy", 2, 120_000, 1, ZoneStay.Exit.FORWARD),
                new ZoneStay("leyndell_erdtree", 3, 180_000, 0, ZoneStay.Exit.FINISH));
        assertThat(ZoneStay.of(RUN_B, 500_000, 5, false)).containsExactly(
                new ZoneStay("stormveil", 1, 60_000, 4, ZoneStay.Exit.FORWARD),
                new ZoneStay("academy", 2, 250_000, 1, ZoneStay.Exit.BACK),
                new ZoneStay("stormveil", 1, 100_000, 0, ZoneStay.Exit.END));
    }

    @Test
    void zonesOverTwoRuns() {
        List<ZoneSummary> zones = ZoneStatistics.summarize(List.of(
                ZoneStay.of(RUN_A, 600_000, 3, true), ZoneStay.of(RUN_B, 500_000, 5, false)));
        assertThat(zones).extracting(ZoneSummary::zone)
                .containsExactly("academy", "stormveil", "leyndell_erdtree", "liurnia_manor");

        ZoneSummary academy = zones.get(0);
        // A: two stays, cleared on the second (60 s + 120 s); B: one stay, turned back for good: a dead end
        assertThat(academy).isEqualTo(new ZoneSummary("academy", 3, 2, 2, 1, 1,
                new Distribution(1, 180_000, 180_000, 180_000, 180_000, 180_000)));
        assertThat(academy.deadEndRate()).isEqualTo(0.5);
        assertThat(academy.deathsPerRun()).isEqualTo(1.0);

        // A cleared it in 140 s; B went through, came back and its run ended there: neither cleared nor a dead end
        assertThat(zones.get(1)).isEqualTo(new ZoneSummary("stormveil", 3, 2, 5, 1, 0,
                new Distribution(1, 140_000, 140_000, 140_000, 140_000, 140_000)));
        assertThat(zones.get(1).deadEndRate()).isZero();

        // finishing in a zone clears it
        assertThat(zones.get(2).cleared()).isEqualTo(1);
        assertThat(zones.get(2).spentMs().median()).isEqualTo(180_000);
    }

    @Test
    void medianAndBestOverManyRuns() {
        List<List<ZoneStay>> runs = List.of(
                List.of(new ZoneStay("z", 1, 40_000, 0, ZoneStay.Exit.FORWARD)),
                List.of(new ZoneStay("z", 1, 10_000, 0, ZoneStay.Exit.FORWARD)),
                List.of(new ZoneStay("z", 1, 30_000, 2, ZoneStay.Exit.FORWARD)),
                List.of(new ZoneStay("z", 1, 20_000, 1, ZoneStay.Exit.FINISH)),
                List.of(new ZoneStay("z", 1, 5_000, 0, ZoneStay.Exit.BACK)));
        ZoneSummary z = ZoneStatistics.summarize(runs).get(0);
        // the dead end's 5 s is not a time to clear it: best 10 s, median of 10, 20, 30, 40 = 25 s
        assertThat(z.spentMs()).isEqualTo(new Distribution(4, 10_000, 17_500, 25_000, 32_500, 40_000));
        assertThat(z.deadEnds()).isEqualTo(1);
        assertThat(z.deadEndRate()).isEqualTo(0.2);
        assertThat(z.deaths()).isEqualTo(3);
    }

    @Test
    void zoneOfANode() {
        assertThat(Zones.zoneOf("stormveil_db4a")).isEqualTo("stormveil");
        assertThat(Zones.zoneOf("limgrave_tunnels_boss_bc8f")).isEqualTo("limgrave_tunnels_boss");
        assertThat(Zones.zoneOf("node_3")).isEqualTo("node_3");
        assertThat(Zones.zoneOf("castle_ABCD")).isEqualTo("castle_ABCD");
    }
}
