package com.speedfog.racing.overlay.race;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.MapId;
import com.speedfog.racing.overlay.game.ScreenState;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ModMessage.EventFlag;
import com.speedfog.racing.protocol.ModMessage.Finished;
import com.speedfog.racing.protocol.ModMessage.Ready;
import com.speedfog.racing.protocol.ModMessage.StatusUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The race logic, fed scripted snapshots: no game, no server. */
class RaceTrackerTest {

    static final long GATE_A = 1040292800L;
    static final long GATE_B = 1040292801L;
    static final long FINISH = 1040292819L;

    private static final RaceSituation OFFLINE_OPEN = new RaceSituation(false, RacePhase.OPEN, false);
    private static final RaceSituation OPEN = new RaceSituation(true, RacePhase.OPEN, false);
    private static final RaceSituation RUNNING = new RaceSituation(true, RacePhase.RUNNING, false);

    private final RaceTracker tracker = new RaceTracker(seed());

    private static SeedFlags seed() {
        Map<Long, String> byFlag = new LinkedHashMap<>();
        byFlag.put(GATE_A, "liurnia_manor_9103");
        byFlag.put(GATE_B, "academy_d5a9");
        return new SeedFlags(byFlag, OptionalLong.of(FINISH));
    }

    /** A scripted game: builds the next snapshot from the last one. */
    private static final class Game {
        long igt = 1_000;
        int deaths;
        boolean loading;
        boolean inMenu;
        final Map<Long, Boolean> flags = new HashMap<>(Map.of(GATE_A, false, GATE_B, false, FINISH, false));

        GameSnapshot snapshot() {
            Optional<MapId> map = loading || inMenu ? Optional.empty() : Optional.of(new MapId(0x3C2A2400L));
            long screen = inMenu ? 256 : loading ? 1 : 0;
            return new GameSnapshot(OptionalLong.of(igt), OptionalLong.of(deaths), map, Optional.empty(),
                    Optional.of(new ScreenState(screen)), flags);
        }
    }

    private final Game game = new Game();
    private long now = 0;

    /** Advances the game and the clock by {@code millis}, and feeds one snapshot. */
    private List<ModMessage.Gameplay> step(long millis, RaceSituation situation) {
        now += millis;
        game.igt += millis;
        return tracker.update(game.snapshot(), now, situation);
    }

    @Test
    void readyIsSentOnceWhenInGameAndConnected() {
        game.inMenu = true;
        assertThat(step(200, OPEN)).isEmpty();
        game.inMenu = false;
        assertThat(step(200, OFFLINE_OPEN)).as("not connected yet").isEmpty();

        assertThat(step(200, OPEN)).containsExactly(new Ready(null));
        assertThat(step(200, OPEN)).isEmpty();
        assertThat(step(5_000, OPEN)).isEmpty();
        assertThat(tracker.progress().readySent()).isTrue();
    }

    @Test
    void nothingButReadyBeforeTheRaceRuns() {
        game.flags.put(GATE_A, true);
        List<ModMessage.Gameplay> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.addAll(step(500, OPEN));
        }
        assertThat(all).containsExactly(new Ready(null));
    }

    @Test
    void statusUpdatesGoOutOnceASecondWhileRacing() {
        step(200, RUNNING); // ready + first status
        List<ModMessage.Gameplay> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) { // 10 s of 200 ms samples
            all.addAll(step(200, RUNNING));
        }
        List<StatusUpdate> statuses = all.stream().filter(StatusUpdate.class::isInstance).map(StatusUpdate.class::cast).toList();
        assertThat(statuses).hasSize(10);
        for (int i = 1; i < statuses.size(); i++) {
            assertThat(statuses.get(i).igtMs() - statuses.get(i - 1).igtMs()).isEqualTo(1_000);
        }
    }

    @Test
    void statusCarriesIgtAndDeaths() {
        step(200, RUNNING);
        game.deaths = 3;
        List<ModMessage.Gameplay> sent = step(1_000, RUNNING);
        assertThat(sent).containsExactly(new StatusUpdate(game.igt, 3, null, null, null));
    }

    @Test
    void aFogFlagGivesOneEventFlagHeldUntilTheLoadingScreenEnds() {
        step(200, RUNNING);
        step(1_000, RUNNING);

        game.flags.put(GATE_A, true);
        game.loading = true;
        long crossedAt = game.igt + 300;
        List<ModMessage.Gameplay> duringLoading = new ArrayList<>();
        duringLoading.addAll(step(300, RUNNING));
        duringLoading.addAll(step(1_000, RUNNING));
        duringLoading.addAll(step(1_000, RUNNING));
        assertThat(duringLoading).noneMatch(EventFlag.class::isInstance);

        game.loading = false;
        List<ModMessage.Gameplay> arrived = step(200, RUNNING);
        assertThat(arrived).filteredOn(EventFlag.class::isInstance)
                .containsExactly(new EventFlag(GATE_A, crossedAt, null));
        assertThat(arrived.get(0)).as("the zone goes before the status").isInstanceOf(EventFlag.class);

        List<ModMessage.Gameplay> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.addAll(step(500, RUNNING)); // the flag stays set
        }
        assertThat(later).noneMatch(EventFlag.class::isInstance);
        assertThat(tracker.progress().lastNode()).contains("liurnia_manor_9103");
    }

    @Test
    void noStatusOvertakesAHeldGate() {
        step(200, RUNNING);
        step(1_000, RUNNING);

        game.flags.put(GATE_A, true);
        game.loading = true;
        long crossedAt = game.igt + 1_000;
        List<ModMessage.Gameplay> duringLoading = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            duringLoading.addAll(step(1_000, RUNNING)); // the loading screen lasts 4 s; the IGT keeps running
        }
        assertThat(duringLoading).as("a later IGT would reach the server before the gate's").isEmpty();

        game.loading = false;
        List<ModMessage.Gameplay> arrived = step(200, RUNNING);
        assertThat(arrived).containsExactly(new EventFlag(GATE_A, crossedAt, null),
                new StatusUpdate(game.igt, 0, null, null, null));
    }

    @Test
    void aFlagSeenWhileInGameIsSentAtOnce() {
        step(200, RUNNING);
        game.flags.put(GATE_B, true);
        assertThat(step(200, RUNNING)).filteredOn(EventFlag.class::isInstance)
                .containsExactly(new EventFlag(GATE_B, game.igt, null));
    }

    @Test
    void theFinishFlagGivesFinishedOnceAndThenSilence() {
        step(200, RUNNING);
        game.flags.put(FINISH, true);
        List<ModMessage.Gameplay> sent = step(200, RUNNING);
        assertThat(sent).containsExactly(new Finished(game.igt, null));

        List<ModMessage.Gameplay> after = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            after.addAll(step(1_000, RUNNING));
        }
        assertThat(after).isEmpty();
        assertThat(tracker.progress().finished()).isTrue();
    }

    @Test
    void aGateCrossedJustBeforeTheFinishIsReportedFirst() {
        step(200, RUNNING);
        game.flags.put(GATE_B, true);
        game.loading = true;
        step(200, RUNNING);
        game.flags.put(FINISH, true);
        long finishIgt = game.igt + 200;
        assertThat(step(200, RUNNING)).noneMatch(Finished.class::isInstance);

        game.loading = false;
        List<ModMessage.Gameplay> sent = step(200, RUNNING);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isInstanceOf(EventFlag.class);
        assertThat(sent.get(1)).isEqualTo(new Finished(finishIgt, null));
    }

    @Test
    void aPlayerTheServerListsAsDoneSendsNothing() {
        RaceSituation done = new RaceSituation(true, RacePhase.RUNNING, true);
        game.flags.put(GATE_A, true);
        List<ModMessage.Gameplay> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.addAll(step(500, done));
        }
        assertThat(all).isEmpty();
    }

    @Test
    void aFreshSaveRaisesNoWarning() {
        game.igt = 4_000;
        step(200, OPEN);
        assertThat(tracker.progress().freshSaveWarning()).isEmpty();
        game.igt = 600_000; // waiting in game before GO: still a fresh save
        step(200, OPEN);
        assertThat(tracker.progress().freshSaveWarning()).isEmpty();
    }

    @Test
    void anOldSaveIsWarnedAbout() {
        game.igt = 3_723_000;
        step(200, OPEN);
        assertThat(tracker.progress().freshSaveWarning()).hasValueSatisfying(w -> assertThat(w).contains("1:02:03").contains("fresh save"));
    }

    @Test
    void rejoiningARunningRaceIsNotTakenForAnOldSave() {
        game.igt = 3_723_000;
        step(200, RUNNING);
        assertThat(tracker.progress().freshSaveWarning()).isEmpty();
    }

    @Test
    void theServersFlagsCanReplaceAMissingGraph() {
        RaceTracker blind = new RaceTracker(new SeedFlags(Map.of(), OptionalLong.empty()));
        assertThat(blind.watchedFlags()).isEmpty();
        blind.useSeed(seed());
        assertThat(blind.watchedFlags()).containsExactly(GATE_A, GATE_B, FINISH);
    }
}
