package com.speedfog.racing.seeds.synthetic;

import com.speedfog.racing.seeds.fog.FogArea;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.fog.FogGate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes seeds that look like SpeedFog's without the game: a layered DAG from the Chapel of Anticipation to
 * a final boss, whose nodes are real FogRando areas and whose exits are real fog gates of those areas, with
 * a graph.json v4.1 ({@code event_map}, {@code finish_event}, exits, tiers rising with the layer).
 *
 * <p>The same seed number and shape always give the same bytes ({@link Random} is specified to be the
 * same on every JVM). Layer 1 is never wider than the Chapel has fog gates, and the graph narrows to one
 * node before the final boss, as real seeds do, so {@code final_node_flag} is a single flag.
 */
public final class SyntheticSeedGenerator {

    /** SpeedFog's first fog-gate event flag (category 1040292, which the game allocates). */
    public static final long FIRST_EVENT_FLAG = 1040292800L;

    private static final String START_AREA = "chapel_start";
    /** Areas a race never goes through as a zone of its own. */
    private static final Set<String> NOT_A_ZONE = Set.of("trivial", "unused", "start", "final", "overworld",
            "optional", "dlc", "crawlonly", "openonly");
    private static final Set<String> NOT_A_FINAL_BOSS = Set.of("minidungeon", "minor", "optional", "trivial", "dlc",
            "unused", "overworld", "final");
    private static final int EXTRA_EDGE_PERCENT = 20;
    private static final int MAX_TIER = 18;

    private final FogData fog;
    private final FogArea startArea;
    private final List<ZoneCandidate> zones;
    private final List<FogArea> finalBosses;

    /** An area usable as a node, with the SpeedFog node type it would have. */
    record ZoneCandidate(FogArea area, String type, int weight) {
    }

    public SyntheticSeedGenerator(FogData fog) {
        this.fog = fog;
        this.startArea = fog.area(START_AREA).orElseThrow(() -> new IllegalArgumentException(
                "fog.txt has no '" + START_AREA + "' area: synthetic seeds start from the Chapel of Anticipation"));
        this.finalBosses = fog.areas().stream()
                .filter(area -> area.defeatFlag().isPresent())
                .filter(area -> area.tags().stream().noneMatch(NOT_A_FINAL_BOSS::contains))
                .toList();
        this.zones = fog.areas().stream()
                .filter(area -> !area.name().equals(START_AREA))
                .filter(area -> area.tags().stream().noneMatch(NOT_A_ZONE::contains))
                .filter(area -> !usableGates(area).isEmpty())
                .map(SyntheticSeedGenerator::candidate)
                .filter(candidate -> candidate != null)
                .toList();
        if (finalBosses.isEmpty() || zones.isEmpty()) {
            throw new IllegalArgumentException("fog.txt has no usable boss areas or zones with fog gates");
        }
    }

    /** A generator over the fog.txt bundled with this module. */
    public static SyntheticSeedGenerator withBundledFogData() {
        return new SyntheticSeedGenerator(FogData.bundled());
    }

    public SyntheticSeed generate(long seedNumber) {
        return generate(seedNumber, SeedShape.DEFAULT);
    }

    public SyntheticSeed generate(long seedNumber, SeedShape shape) {
        Random random = new Random(seedNumber);
        List<List<Integer>> layers = layers(shape, random);
        List<int[]> edges = edges(layers, random);
        List<PlannedNode> nodes = placeAreas(layers, edges, random, shape.totalLayers());
        String json = new GraphJsonWriter(seedNumber, shape.totalLayers(), nodes, edges, FIRST_EVENT_FLAG).write();
        return new SyntheticSeed(seedNumber, "synthetic_" + seedNumber, json, readme(seedNumber, shape, nodes.size()));
    }

    /** Node indexes per layer: one start, one final boss, one node just before it, 1..maxWidth in between. */
    private List<List<Integer>> layers(SeedShape shape, Random random) {
        int total = shape.totalLayers();
        int[] widths = new int[total];
        for (int layer = 1; layer < total - 1; layer++) {
            widths[layer] = 1 + random.nextInt(shape.maxWidth());
        }
        widths[0] = 1;
        widths[1] = Math.min(widths[1], usableGates(startArea).size());
        widths[total - 2] = 1;
        widths[total - 1] = 1;
        List<List<Integer>> layers = new ArrayList<>();
        int next = 0;
        for (int width : widths) {
            List<Integer> layer = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                layer.add(next++);
            }
            layers.add(layer);
        }
        int middle = next - 2;
        if (middle > zones.size()) {
            throw new IllegalArgumentException("a seed of " + total + " layers up to " + shape.maxWidth()
                    + " wide needs " + middle + " zones, but fog.txt offers " + zones.size() + ": use a smaller shape");
        }
        return layers;
    }

    /**
     * Links each layer to the next: every node gets a parent and a child (so every node is reachable and
     * every path ends at the final boss), plus a few extra links for choice.
     */
    private static List<int[]> edges(List<List<Integer>> layers, Random random) {
        Set<List<Integer>> links = new LinkedHashSet<>();
        for (int layer = 0; layer < layers.size() - 1; layer++) {
            List<Integer> from = layers.get(layer);
            List<Integer> to = layers.get(layer + 1);
            Set<Integer> hasChild = new HashSet<>();
            for (int child : to) {
                int parent = from.get(random.nextInt(from.size()));
                links.add(List.of(parent, child));
                hasChild.add(parent);
            }
            for (int parent : from) {
                if (!hasChild.contains(parent)) {
                    links.add(List.of(parent, to.get(random.nextInt(to.size()))));
                }
                if (random.nextInt(100) < EXTRA_EDGE_PERCENT) {
                    links.add(List.of(parent, to.get(random.nextInt(to.size()))));
                }
            }
        }
        return links.stream()
                .map(link -> new int[] {link.get(0), link.get(1)})
                .sorted(Comparator.<int[]>comparingInt(edge -> edge[0]).thenComparingInt(edge -> edge[1]))
                .toList();
    }

    /** Gives each node a distinct area with enough unused fog gates for its exits. */
    private List<PlannedNode> placeAreas(List<List<Integer>> layers, List<int[]> edges, Random random, int totalLayers) {
        int nodeCount = layers.stream().mapToInt(List::size).sum();
        int[] outDegree = new int[nodeCount];
        edges.forEach(edge -> outDegree[edge[0]]++);
        Set<String> usedAreas = new HashSet<>();
        Set<String> usedGates = new HashSet<>();
        FogArea finalBoss = finalBosses.get(random.nextInt(finalBosses.size()));
        usedAreas.add(finalBoss.name());
        usedAreas.add(startArea.name());
        List<PlannedNode> nodes = new ArrayList<>();
        for (int layer = 0; layer < layers.size(); layer++) {
            for (int index : layers.get(layer)) {
                ZoneCandidate zone;
                if (layer == 0) {
                    zone = new ZoneCandidate(startArea, "start", 1);
                } else if (layer == totalLayers - 1) {
                    zone = new ZoneCandidate(finalBoss, "final_boss", 4);
                } else {
                    zone = pickZone(outDegree[index], usedAreas, usedGates, random);
                }
                usedAreas.add(zone.area().name());
                List<FogGate> exitGates = freeGates(zone.area(), usedGates).subList(0, outDegree[index]);
                exitGates.forEach(gate -> usedGates.add(gate.fogId()));
                String id = zone.area().name() + "_" + String.format("%04x", random.nextInt(0x10000));
                nodes.add(new PlannedNode(index, id, zone.area(), zone.type(), zone.weight(), layer,
                        tier(layer, totalLayers), exitGates, fog.gatesOf(zone.area().name())));
            }
        }
        return nodes;
    }

    private ZoneCandidate pickZone(int exits, Set<String> usedAreas, Set<String> usedGates, Random random) {
        List<ZoneCandidate> fitting = zones.stream()
                .filter(zone -> !usedAreas.contains(zone.area().name()))
                .filter(zone -> freeGates(zone.area(), usedGates).size() >= exits)
                .toList();
        if (fitting.isEmpty()) {
            throw new IllegalStateException("no zone left with " + exits + " unused fog gates: use a smaller shape");
        }
        return fitting.get(random.nextInt(fitting.size()));
    }

    private List<FogGate> freeGates(FogArea area, Set<String> usedGates) {
        return usableGates(area).stream().filter(gate -> !usedGates.contains(gate.fogId())).toList();
    }

    private List<FogGate> usableGates(FogArea area) {
        return fog.gatesOf(area.name()).stream().filter(gate -> !gate.tags().contains("unused")).toList();
    }

    /** Tiers rise with the layer from 1 at the start to {@value #MAX_TIER} at the final boss, like real seeds. */
    private static int tier(int layer, int totalLayers) {
        return 1 + (int) Math.round(layer * (MAX_TIER - 1.0) / (totalLayers - 1));
    }

    private static ZoneCandidate candidate(FogArea area) {
        if (area.defeatFlag().isPresent()) {
            return new ZoneCandidate(area, "boss_arena", 2);
        }
        if (area.hasTag("minidungeon")) {
            return new ZoneCandidate(area, "mini_dungeon", 4);
        }
        boolean legacyMap = area.maps().stream().anyMatch(map -> map.matches("m1[0-6]_.*"));
        return legacyMap ? new ZoneCandidate(area, "legacy_dungeon", 10) : null;
    }

    private static String readme(long seedNumber, SeedShape shape, int nodeCount) {
        return """
                Synthetic SpeedFog seed %d
                ==========================

                This seed was generated by SpeedFog Racing to try the platform without the game: races,
                seed packs, the overlay's simulated game, spectator views. Its zones and fog gates are real
                names from FogRando's fog.txt, but the route is made up and there are no mod files here:
                it cannot be played in ELDEN RING.

                Layers: %d (up to %d nodes wide), nodes: %d.
                Generated again from the same seed number and shape, it is byte for byte the same.
                """.formatted(seedNumber, shape.totalLayers(), shape.maxWidth(), nodeCount);
    }
}
