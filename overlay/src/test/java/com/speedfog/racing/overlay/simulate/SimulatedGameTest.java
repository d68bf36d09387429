package com.speedfog.racing.overlay.simulate;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.ScreenState;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.overlay.testing.SeedFiles;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedGameTest {

    @TempDir
    Path folder;

    private SimulationGraph graph() throws IOException {
        return SimulationGraph.load(SeedFiles.copyGraph("v4", folder.resolve("graph.json")));
    }

    @Test
    void readsTheGatesOfAV4Graph() throws IOException {
        SimulationGraph graph = graph();

        assertThat(graph.startNode()).isEqualTo("chapel_start_4f96");
        assertThat(graph.finalNode()).isEqualTo("leyndell_erdtree_ca15");
        assertThat(graph.finishEvent()).isEqualTo(1040292819L);
        assertThat(graph.totalLayers()).isEqualTo(13);
        assertThat(graph.node("chapel_start_4f96").exits()).containsExactly(
                new SimulationGraph.Gate(1040292800L, "liurnia_manor_9103"),
                new SimulationGraph.Gate(1040292801L, "academy_d5a9"));
        assertThat(graph.node("stormveil_db4a").exits()).extracting(SimulationGraph.Gate::to)
                .containsOnly("altus_sagescave_1646").hasSize(2);
    }

    @Test
    void aV3GraphCannotBeSimulated() throws IOException {
        Path v3 = SeedFiles.copyGraph("v3", folder.resolve("graph.json"));
        assertThatThrownBy(() -> SimulationGraph.load(v3)).isInstanceOf(IOException.class).hasMessageContaining("v4");
    }

    @Test
    void everyPlannedRunWalksFromStartToFinalAlongRealGatesInTime() throws IOException {
        SimulationGraph graph = graph();
        for (long seed = 0; seed < 50; seed++) {
            SimulatedRun run = SimulatedRun.plan(graph, SimulationPace.of(Duration.ofSeconds(20), 1, seed));
            List<String> path = run.path();
            assertThat(path.get(0)).isEqualTo(graph.startNode());
            assertThat(path.get(path.size() - 1)).isEqualTo(graph.finalNode());
            for (int i = 1; i < path.size(); i++) {
                String to = path.get(i);
                assertThat(graph.node(path.get(i - 1)).exits()).anyMatch(g -> g.to().equals(to));
            }
            long previous = 0;
            for (SimulatedRun.Step step : run.steps()) {
                assertThat(step.atMs()).isGreaterThanOrEqualTo(previous);
                previous = step.atMs();
            }
            assertThat(run.steps().get(run.steps().size() - 1)).isInstanceOf(SimulatedRun.Finish.class);
        }
    }

    @Test
    void someRunsDieAndSomeStepBack() throws IOException {
        SimulationGraph graph = graph();
        boolean died = false;
        boolean revisited = false;
        for (long seed = 0; seed < 20; seed++) {
            SimulatedRun run = SimulatedRun.plan(graph, SimulationPace.of(Duration.ofSeconds(20), 1, seed));
            died |= run.steps().stream().anyMatch(SimulatedRun.Death.class::isInstance);
            revisited |= run.steps().stream().anyMatch(s -> s instanceof SimulatedRun.Gate g && g.flagId() == SimulatedRun.Gate.NO_NEW_FLAG);
        }
        assertThat(died).isTrue();
        assertThat(revisited).isTrue();
    }

    @Test
    void theGameWaitsOnAFreshSaveUntilGoThenPlaysWithLoadingScreensDeathsAndFlags() throws IOException {
        SimulationGraph graph = graph();
        SeedFlags flags = SeedFlags.of(SeedGraph.parse(folder.resolve("graph.json")));
        AtomicLong clock = new AtomicLong(1_000_000);
        SimulatedGame game = new SimulatedGame(graph, SimulationPace.of(Duration.ofMillis(1_000), 10, 7), clock::get);

        GameSnapshot before = game.read(flags.allFlags());
        assertThat(before.isInGame()).isTrue();
        assertThat(before.igtMs().getAsLong()).isLessThan(15_000);
        clock.addAndGet(60_000);
        assertThat(game.read(flags.allFlags()).igtMs()).isEqualTo(before.igtMs()); // nothing moves before GO
        assertThat(game.status()).contains("waiting for GO");

        game.raceStarted();
        boolean sawLoading = false;
        long lastIgt = 0;
        long lastDeaths = 0;
        Set<Long> setFlags = new HashSet<>();
        while (!game.finished()) {
            clock.addAndGet(50);
            GameSnapshot s = game.read(flags.allFlags());
            sawLoading |= s.screenState().map(ScreenState::kind).orElseThrow() == ScreenState.Kind.LOADING;
            assertThat(s.igtMs().getAsLong()).isGreaterThanOrEqualTo(lastIgt);
            assertThat(s.deaths().getAsLong()).isGreaterThanOrEqualTo(lastDeaths);
            lastIgt = s.igtMs().getAsLong();
            lastDeaths = s.deaths().getAsLong();
            flags.allFlags().stream().filter(f -> s.flag(f).orElse(false)).forEach(setFlags::add);
        }
        GameSnapshot end = game.read(flags.allFlags());
        assertThat(sawLoading).isTrue();
        assertThat(end.flag(1040292819L)).contains(true);
        assertThat(setFlags).hasSize(game.run().path().size()); // one flag per gate taken, plus finish
        long elapsed = game.run().finishAtMs();
        assertThat(end.igtMs().getAsLong()).isBetween((long) (elapsed * 10), (long) (elapsed * 10) + 2_000);
    }
}
