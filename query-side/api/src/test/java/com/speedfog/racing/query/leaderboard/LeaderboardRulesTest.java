package com.speedfog.racing.query.leaderboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of the ordering and gap rules. Names double as registration order (a=0, b=1, ...). */
class LeaderboardRulesTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    static Standing playing(String name, int layer, Long entry, long igt) {
        return standing(name, "playing", false, layer, entry, igt, null);
    }

    static Standing finished(String name, long finish) {
        return standing(name, "finished", false, 12, 0L, finish, finish);
    }

    static Standing status(String name, String status) {
        return standing(name, status, false, 0, null, 0, null);
    }

    static Standing out(String name, String status, boolean closed, int layer, Long entry) {
        return standing(name, status, closed, layer, entry, entry == null ? 0 : entry, null);
    }

    static Standing standing(String name, String status, boolean closed, int layer, Long entry, long igt, Long finish) {
        int order = name.charAt(0) - 'a';
        return new Standing(UUID.nameUUIDFromBytes(name.getBytes()), name, status, closed, layer, entry, igt, 0, finish,
                order, order);
    }

    static Map<Integer, Long> splits(long... layerThenIgt) {
        Map<Integer, Long> splits = new HashMap<>();
        for (int i = 0; i < layerThenIgt.length; i += 2) {
            splits.put((int) layerThenIgt[i], layerThenIgt[i + 1]);
        }
        return splits;
    }

    static Arguments example(String title, List<Standing> standings, Map<Integer, Long> splits, String expectedOrder) {
        return Arguments.of(title, standings, splits, expectedOrder);
    }

    static Stream<Arguments> orderings() {
        return Stream.of(
                example("finished first by IGT, then runners by layer",
                        List.of(playing("a", 5, 1000L, 2000), finished("b", 9000), finished("c", 8000), playing("d", 7, 1500L, 1600)),
                        splits(5, 1000, 7, 1500), "c b d a"),
                example("equal layers: who reached the layer first leads",
                        List.of(playing("a", 4, 3000L, 5000), playing("b", 4, 2500L, 5100), playing("c", 4, 2800L, 4000)),
                        splits(4, 2500), "b c a"),
                example("a tie on layer and arrival falls back to registration order",
                        List.of(playing("b", 4, 3000L, 5000), playing("a", 4, 3000L, 5000)),
                        splits(4, 3000), "a b"),
                example("a finisher beats a runner on a higher layer",
                        List.of(playing("a", 13, 100L, 200), finished("b", 99_999)), splits(13, 100), "b a"),
                example("ready before registered, both in registration order, after runners",
                        List.of(status("a", "registered"), status("b", "ready"), playing("c", 0, null, 0), status("d", "ready")),
                        splits(), "c b d a"),
                example("abandoned last by layer then IGT; disqualified after them",
                        List.of(out("a", "abandoned", false, 3, 900L), status("b", "registered"),
                                out("c", "abandoned", false, 5, 2000L), out("d", "disqualified", false, 9, 100L),
                                out("e", "abandoned", false, 5, 1500L)),
                        splits(), "b e c a d"),
                example("a runner still playing when the race was force-finished ranks as a DNF",
                        List.of(out("a", "playing", true, 9, 500L), out("b", "abandoned", false, 10, 700L), finished("c", 5000)),
                        splits(), "c b a"),
                example("no arrival yet sorts after an arrival on the same layer",
                        List.of(playing("a", 0, null, 100), playing("b", 0, 50L, 100)), splits(0, 50), "b a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderings")
    void orders(String title, List<Standing> standings, Map<Integer, Long> splits, String expectedOrder) {
        Leaderboard board = LeaderboardRules.rank(RACE, standings, splits);
        assertThat(board.participants()).extracting(LeaderboardEntry::name)
                .containsExactlyElementsOf(Arrays.asList(expectedOrder.split(" ")));
        assertThat(board.participants()).extracting(LeaderboardEntry::rank)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, standings.size()).boxed().toList());
    }

    static Stream<Arguments> gaps() {
        Map<Integer, Long> splits = splits(1, 60_000, 2, 120_000, 3, 200_000);
        return Stream.of(
                Arguments.of("the leader of a layer has no gap", playing("a", 3, 200_000L, 210_000), splits, 0L),
                Arguments.of("arrived 30 s after the leader's split", playing("a", 2, 150_000L, 160_000), splits, 30_000L),
                Arguments.of("still on layer 2 at 260 s: 60 s past the leader's layer-3 split",
                        playing("a", 2, 150_000L, 260_000), splits, 60_000L),
                Arguments.of("past the next split but less than the arrival gap keeps the arrival gap",
                        playing("a", 2, 190_000L, 205_000), splits, 70_000L),
                Arguments.of("a layer nobody has a split for has no gap", playing("a", 7, 1L, 2), splits, null),
                Arguments.of("no arrival yet, no gap", playing("a", 0, null, 5), splits, null),
                Arguments.of("ready players have no gap", status("a", "ready"), splits, null),
                Arguments.of("abandoned players have no gap", out("a", "abandoned", false, 2, 150_000L), splits, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gaps")
    void gapsOfRunners(String title, Standing standing, Map<Integer, Long> splits, Long expectedGap) {
        Leaderboard board = LeaderboardRules.rank(RACE, List.of(standing), splits);
        assertThat(board.participants().get(0).gapMs()).isEqualTo(expectedGap);
    }

    @Test
    void finishersGapIsTheirTimeMinusTheWinners() {
        Leaderboard board = LeaderboardRules.rank(RACE,
                List.of(finished("a", 3_700_000), finished("b", 3_600_000), finished("c", 3_600_000)), splits());
        assertThat(board.participants()).extracting(LeaderboardEntry::name).containsExactly("b", "c", "a");
        assertThat(board.participants()).extracting(LeaderboardEntry::gapMs).containsExactly(0L, 0L, 100_000L);
        assertThat(board.participants()).extracting(LeaderboardEntry::igtMs).containsExactly(3_600_000L, 3_600_000L, 3_700_000L);
    }

    @Test
    void leaderSplitsAreTheEarliestArrivalPerLayer() {
        List<Map<Integer, Long>> arrivals = new ArrayList<>();
        arrivals.add(Map.of(1, 60_000L, 2, 130_000L));
        arrivals.add(Map.of(1, 55_000L, 2, 140_000L, 3, 300_000L));
        arrivals.add(Map.of());
        assertThat(LeaderboardRules.leaderSplits(arrivals)).containsExactly(
                Map.entry(1, 55_000L), Map.entry(2, 130_000L), Map.entry(3, 300_000L));
    }

    @Test
    void hiddenNamesHideOnlyFinishers() {
        Leaderboard board = LeaderboardRules.rank(RACE, List.of(finished("a", 1000), playing("b", 3, 10L, 20)), splits(3, 10));
        Leaderboard hidden = board.hidingFinishedNames();
        assertThat(hidden.participants()).extracting(LeaderboardEntry::name).containsExactly(null, "b");
        assertThat(hidden.participants().get(0).igtMs()).isEqualTo(1000L);
        assertThat(board.participants()).extracting(LeaderboardEntry::name).containsExactly("a", "b");
    }
}
