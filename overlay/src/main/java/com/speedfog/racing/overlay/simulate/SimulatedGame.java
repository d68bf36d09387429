package com.speedfog.racing.overlay.simulate;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.GameSource;
import com.speedfog.racing.overlay.game.MapId;
import com.speedfog.racing.overlay.game.Position;
import com.speedfog.racing.overlay.game.ScreenState;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A simulated ELDEN RING: before GO the player stands in the start zone of a fresh save; from GO on
 * it plays a {@link SimulatedRun}, producing the snapshots the real game would (IGT, deaths, loading
 * screens, fog flags, the finish flag) so the same race logic and connection run on it.
 */
public final class SimulatedGame implements GameSource {

    /** The IGT of a fresh save standing in the Chapel, before GO. */
    static final long FRESH_SAVE_IGT_MS = 1_500;
    static final long LOADING_SCREEN = 1;
    static final long IN_GAME = 0;

    private final SimulationGraph graph;
    private final SimulatedRun run;
    private final SimulationPace pace;
    private final LongSupplier clockMs;
    private volatile long startedAtMs = -1;

    public SimulatedGame(SimulationGraph graph, SimulationPace pace, LongSupplier clockMs) {
        this.graph = graph;
        this.pace = pace;
        this.run = SimulatedRun.plan(graph, pace);
        this.clockMs = clockMs;
    }

    public SimulatedRun run() {
        return run;
    }

    @Override
    public void raceStarted() {
        if (startedAtMs < 0) {
            startedAtMs = clockMs.getAsLong();
        }
    }

    public boolean started() {
        return startedAtMs >= 0;
    }

    /** The finish flag is set. */
    public boolean finished() {
        return started() && clockMs.getAsLong() - startedAtMs >= run.finishAtMs();
    }

    @Override
    public GameSnapshot read(Collection<Long> watchedFlags) {
        long elapsed = started() ? clockMs.getAsLong() - startedAtMs : -1;
        State state = new State(graph.startNode());
        for (SimulatedRun.Step step : run.steps()) {
            if (step.atMs() > elapsed) {
                break;
            }
            state.apply(step);
        }
        long igt = FRESH_SAVE_IGT_MS + (elapsed < 0 ? 0 : (long) (elapsed * pace.igtSpeed()));
        Map<Long, Boolean> flags = new HashMap<>();
        for (long flag : watchedFlags) {
            flags.put(flag, state.setFlags.contains(flag) || (flag == graph.finishEvent() && state.finished));
        }
        Optional<MapId> map = state.loading ? Optional.empty() : Optional.of(mapOf(state.node));
        Optional<Position> position = map.map(m -> new Position((float) (elapsed % 1000) / 10f, 0f, 12.5f));
        return new GameSnapshot(OptionalLong.of(igt), OptionalLong.of(state.deaths), map, position,
                Optional.of(new ScreenState(state.loading ? LOADING_SCREEN : IN_GAME)), flags);
    }

    @Override
    public String status() {
        return started() ? "" : "simulated player waiting for GO in " + graph.node(graph.startNode()).displayName();
    }

    /** A made-up but stable map id per node (a legacy-dungeon-like mAA_BB_00_00). */
    static MapId mapOf(String node) {
        int hash = node.hashCode();
        return new MapId(((long) (10 + Math.floorMod(hash, 50)) << 24) | ((long) Math.floorMod(hash >> 8, 10) << 16));
    }

    /** The player's state after some of the run's steps. */
    private static final class State {
        String node;
        boolean loading;
        int deaths;
        boolean finished;
        final Set<Long> setFlags = new HashSet<>();

        State(String node) {
            this.node = node;
        }

        void apply(SimulatedRun.Step step) {
            if (step instanceof SimulatedRun.Death) {
                deaths++;
                loading = true;
            } else if (step instanceof SimulatedRun.Gate gate) {
                if (gate.flagId() != SimulatedRun.Gate.NO_NEW_FLAG) {
                    setFlags.add(gate.flagId());
                }
                loading = true;
            } else if (step instanceof SimulatedRun.Arrive arrive) {
                if (arrive.node() != null) {
                    node = arrive.node();
                }
                loading = false;
            } else if (step instanceof SimulatedRun.Finish) {
                finished = true;
            }
        }
    }
}
