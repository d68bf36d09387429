package com.speedfog.racing.overlay.race;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.MapId;
import com.speedfog.racing.overlay.game.ScreenState;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.overlay.testing.SeedFiles;
import com.speedfog.racing.overlay.zone.ZoneWatch;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ModMessage.Finished;
import com.speedfog.racing.protocol.ModMessage.StatusUpdate;
import com.speedfog.racing.protocol.ModMessage.ZoneEntered;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.zone.FinishFlag;
import com.speedfog.racing.seeds.zone.ZoneLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race logic on a v3 seed (no event flags): the real sample graph and the bundled fog.txt, fed
 * scripted snapshots whose map ids are those the seed's fog gates let out in.
 */
class RaceTrackerV3Test {

    private static final RaceSituation RUNNING = new RaceSituation(true, RacePhase.RUNNING, false);

    @TempDir
    Path dir;
    private SeedGraph graph;
    private long finishFlag;
    private RaceTracker tracker;
    private final List<String> log = new ArrayList<>();

    /** A scripted game. */
    private final class Game {
        long igt = 1_000;
        int deaths;
        boolean loading;
        String map;
        boolean bossDead;

        GameSnapshot snapshot() {
            return new GameSnapshot(OptionalLong.of(igt), OptionalLong.of(deaths),
                    loading ? Optional.empty() : Optional.of(MapId.parse(map)), Optional.empty(),
                    Optional.of(new ScreenState(loading ? 1 : 0)), Map.of(finishFlag, bossDead));
        }
    }

    private Game game;
    private long now;

    @BeforeEach
    void setUp() throws IOException {
        graph = SeedGraph.parse(SeedFiles.copyGraph("v3", dir.resolve("graph.json")));
        FogData fog = FogData.bundled();
        finishFlag = FinishFlag.of(graph, fog).orElseThrow().flag();
        tracker = new RaceTracker(new SeedFlags(Map.of(), OptionalLong.of(finishFlag)),
                Optional.of(new ZoneWatch(new ZoneLocator(graph, fog), log::add)));
        game = new Game();
        game.map = fog.area(graph.startNode().zones().get(0)).orElseThrow().maps().get(0);
    }

    private List<ModMessage.Gameplay> step(long millis) {
        now += millis;
        game.igt += millis;
        return tracker.update(game.snapshot(), now, RUNNING);
    }

    /** Where the seed's gate from {@code from} into {@code to} lets the player out: the map its name starts with. */
    private String arrivalMap(String from, String to) {
        List<String> fromZones = graph.node(from).orElseThrow().zones();
        List<String> toZones = graph.node(to).orElseThrow().zones();
        return graph.connections().stream()
                .filter(c -> fromZones.contains(c.exitArea()) && toZones.contains(c.entranceArea()))
                .map(c -> c.entranceGate().substring(0, 12)).findFirst().orElseThrow();
    }

    /** Goes through a gate: a loading screen of 3 s, then in game in {@code map}; returns what was sent once there. */
    private List<ModMessage.Gameplay> crossInto(String map, List<ModMessage.Gameplay> sentWhileLoading) {
        game.loading = true;
        for (int i = 0; i < 15; i++) {
            sentWhileLoading.addAll(step(200));
        }
        game.loading = false;
        game.map = map;
        return step(200);
    }

    private List<String> pathToTheEnd(String from) {
        List<String> path = new ArrayList<>(List.of(from));
        String last = graph.finalNode().orElseThrow().id();
        while (!path.get(path.size() - 1).equals(last)) {
            path.add(graph.successors(path.get(path.size() - 1)).get(0).id());
        }
        return path;
    }

    @Test
    void aWholeRunReportsEachNodeOnceAfterItsLoadingScreenThenFinishesOnTheFinalBoss() {
        step(200);
        List<String> path = pathToTheEnd(graph.startNode().id());
        List<ZoneEntered> entered = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            step(1_000);
            long crossedAt = game.igt + 200; // the first loading sample
            List<ModMessage.Gameplay> whileLoading = new ArrayList<>();

            List<ModMessage.Gameplay> arrived = crossInto(arrivalMap(path.get(i - 1), path.get(i)), whileLoading);

            assertThat(whileLoading).as("nothing during the loading screen, not even a status").isEmpty();
            assertThat(arrived.get(0)).isEqualTo(new ZoneEntered(path.get(i), crossedAt, path.get(i - 1), null));
            assertThat(arrived.subList(1, arrived.size())).allMatch(StatusUpdate.class::isInstance);
            entered.add((ZoneEntered) arrived.get(0));
        }
        assertThat(entered).extracting(ZoneEntered::toZone).containsExactlyElementsOf(path.subList(1, path.size()));
        assertThat(tracker.progress().lastNode()).contains(path.get(path.size() - 1));

        step(5_000);
        game.bossDead = true;
        assertThat(step(200)).containsExactly(new Finished(game.igt, null));
        assertThat(step(1_000)).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void aDeathSendsThePlayerBackWithoutEnteringAnythingAndGoingBackIsNotReportedAgain() {
        step(200);
        List<String> path = pathToTheEnd(graph.startNode().id());
        String startMap = game.map;
        assertThat(crossInto(arrivalMap(path.get(0), path.get(1)), new ArrayList<>())).first()
                .isEqualTo(new ZoneEntered(path.get(1), game.igt - 15 * 200, path.get(0), null));

        game.deaths++;
        step(2_000);
        assertThat(crossInto(startMap, new ArrayList<>())).as("respawned at a grace of the start")
                .noneMatch(ZoneEntered.class::isInstance);
        assertThat(crossInto(arrivalMap(path.get(0), path.get(1)), new ArrayList<>())).as("through the same gate again")
                .noneMatch(ZoneEntered.class::isInstance);

        game.deaths++;
        step(2_000);
        assertThat(crossInto(arrivalMap(path.get(1), path.get(2)), new ArrayList<>()))
                .as("a death never leads into a new node").noneMatch(ZoneEntered.class::isInstance);
        step(1_000);
        List<ModMessage.Gameplay> next = crossInto(arrivalMap(path.get(1), path.get(2)), new ArrayList<>());
        assertThat(next).first().isEqualTo(new ZoneEntered(path.get(2), game.igt - 15 * 200, path.get(1), null));
    }

    @Test
    void aRestartedOverlayGoesOnFromTheZoneTheServerNames() {
        List<String> path = pathToTheEnd(graph.startNode().id());
        String middle = path.get(path.size() / 2);
        String after = path.get(path.size() / 2 + 1);
        tracker.serverZone(middle);
        step(200);

        List<ModMessage.Gameplay> arrived = crossInto(arrivalMap(middle, after), new ArrayList<>());

        assertThat(arrived).first().isEqualTo(new ZoneEntered(after, game.igt - 15 * 200, middle, null));
    }

    @Test
    void aMapOutsideTheSeedIsLoggedAndChangesNothing() {
        step(200);
        String roundtable = FogData.bundled().area("roundtable").orElseThrow().maps().get(0);

        assertThat(crossInto(roundtable, new ArrayList<>())).noneMatch(ZoneEntered.class::isInstance);

        assertThat(log).anySatisfy(line -> assertThat(line).contains(roundtable).contains("no zone"));
    }
}
