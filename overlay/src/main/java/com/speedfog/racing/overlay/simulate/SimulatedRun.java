package com.speedfog.racing.overlay.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A simulated player's whole run, planned in advance: what happens when (milliseconds of wall clock
 * after GO). Walks the graph from the start node to the final node along random fog gates, with
 * some deaths (a short loading screen each) and now and then a step back into the previous zone.
 */
public record SimulatedRun(List<Step> steps, List<String> path) {

    /** One thing that happens to the player. */
    public sealed interface Step {
        long atMs();
    }

    /** Died: the respawn's loading screen starts. */
    public record Death(long atMs) implements Step {
    }

    /** Went through a fog gate (setting {@code flagId}, or none when going back): a loading screen starts. */
    public record Gate(long atMs, long flagId, String toNode) implements Step {
        public static final long NO_NEW_FLAG = -1;
    }

    /** The loading screen ends in {@code node}. */
    public record Arrive(long atMs, String node) implements Step {
    }

    /** The final boss is defeated: the finish flag is set. */
    public record Finish(long atMs) implements Step {
    }

    public SimulatedRun {
        steps = List.copyOf(steps);
        path = List.copyOf(path);
    }

    public long finishAtMs() {
        return steps.get(steps.size() - 1).atMs();
    }

    public static SimulatedRun plan(SimulationGraph graph, SimulationPace pace) {
        Random random = new Random(pace.randomSeed());
        long perZone = pace.perZone().toMillis();
        long loading = pace.loadingMs();
        List<Step> steps = new ArrayList<>();
        List<String> path = new ArrayList<>(List.of(graph.startNode()));
        String node = graph.startNode();
        String previous = null;
        long cameThrough = Gate.NO_NEW_FLAG;
        long t = 0;
        for (int guard = 0; !node.equals(graph.finalNode()); guard++) {
            if (guard > 10_000) {
                throw new IllegalStateException("the graph has a cycle: no way to the final node");
            }
            long dwell = (long) (perZone * (0.7 + 0.6 * random.nextDouble()));
            t = dieSometimes(steps, t, dwell, loading, pace, random);
            List<SimulationGraph.Gate> exits = graph.node(node).exits();
            SimulationGraph.Gate gate = exits.get(random.nextInt(exits.size()));
            if (previous != null && random.nextDouble() < pace.revisitChance()) {
                // Back through the fog we came by and in again: flags already set, nothing new to report.
                steps.add(new Gate(t, Gate.NO_NEW_FLAG, previous));
                t += loading;
                steps.add(new Arrive(t, previous));
                t += dwell / 4;
                steps.add(new Gate(t, cameThrough, node));
                t += loading;
                steps.add(new Arrive(t, node));
                t += dwell / 4;
            }
            steps.add(new Gate(t, gate.flagId(), gate.to()));
            t += loading;
            steps.add(new Arrive(t, gate.to()));
            previous = node;
            cameThrough = gate.flagId();
            node = gate.to();
            path.add(node);
        }
        long dwell = (long) (perZone * (0.7 + 0.6 * random.nextDouble()));
        t = dieSometimes(steps, t, dwell, loading, pace, random);
        steps.add(new Finish(t));
        return new SimulatedRun(steps, path);
    }

    /** Spends {@code dwell} in the zone, dying up to twice; returns the time after it. */
    private static long dieSometimes(List<Step> steps, long t, long dwell, long loading, SimulationPace pace,
                                     Random random) {
        int deaths = (random.nextDouble() < pace.deathChance() ? 1 : 0) + (random.nextDouble() < pace.deathChance() ? 1 : 0);
        for (int i = 1; i <= deaths; i++) {
            long at = t + dwell * i / (deaths + 1);
            steps.add(new Death(at));
            steps.add(new Arrive(at + Math.min(loading, dwell / (deaths + 1) / 2), null));
        }
        return t + dwell;
    }
}
