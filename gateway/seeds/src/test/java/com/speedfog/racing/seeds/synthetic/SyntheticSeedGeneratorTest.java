package com.speedfog.racing.seeds.synthetic;

import com.speedfog.racing.seeds.fog.FogArea;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.fog.FogGate;
import com.speedfog.racing.seeds.graph.Edge;
import com.speedfog.racing.seeds.graph.Exit;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.ScanResult;
import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.pool.SeedKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticSeedGeneratorTest {

    private static final FogData FOG = FogData.bundled();
    private static final SyntheticSeedGenerator GENERATOR = new SyntheticSeedGenerator(FOG);

    private static SeedGraph graphOf(SyntheticSeed seed) {
        return SeedGraph.parse(new ByteArrayInputStream(seed.graphJson().getBytes(StandardCharsets.UTF_8)), "graph.json");
    }

    @Test
    void theSameSeedNumberGivesTheSameBytes() {
        SyntheticSeed first = GENERATOR.generate(77, new SeedShape(12, 3));
        SyntheticSeed again = new SyntheticSeedGenerator(FogData.bundled()).generate(77, new SeedShape(12, 3));
        SyntheticSeed other = GENERATOR.generate(78, new SeedShape(12, 3));

        assertThat(again.graphJson()).isEqualTo(first.graphJson());
        assertThat(again.readme()).isEqualTo(first.readme());
        assertThat(other.graphJson()).isNotEqualTo(first.graphJson());
        assertThat(first.folderName()).isEqualTo("synthetic_77");
        assertThat(first.graphJson()).doesNotContain("\r").endsWith("}\n").startsWith("{\n  \"version\": \"4.1\",");
    }

    @ParameterizedTest
    @CsvSource({"1, 3, 1", "2, 8, 2", "3, 13, 3", "4, 20, 4", "5, 40, 4", "123456789, 13, 3", "-9, 6, 4"})
    void graphsAreWellFormedDags(long seedNumber, int layers, int width) {
        SeedGraph graph = graphOf(GENERATOR.generate(seedNumber, new SeedShape(layers, width)));

        assertThat(graph.version()).isEqualTo("4.1");
        assertThat(graph.seedNumber()).isEqualTo(seedNumber);
        assertThat(graph.totalLayers()).isEqualTo(layers);
        Node start = graph.startNode();
        Node last = graph.finalNode().orElseThrow();
        assertThat(start.zones()).containsExactly("chapel_start");
        assertThat(start.type()).isEqualTo("start");
        assertThat(last.type()).isEqualTo("final_boss");
        assertThat(last.layer()).isEqualTo(layers - 1);
        for (int layer = 0; layer < layers; layer++) {
            int onLayer = layer;
            assertThat(graph.nodes().stream().filter(n -> n.layer() == onLayer).count()).as("layer " + layer)
                    .isBetween(1L, (long) width);
        }
        // edges go one layer down, never twice the same
        for (Edge edge : graph.edges()) {
            assertThat(graph.node(edge.to()).orElseThrow().layer()).isEqualTo(graph.node(edge.from()).orElseThrow().layer() + 1);
        }
        assertThat(new HashSet<>(graph.edges())).hasSameSizeAs(graph.edges());
        // every node is reachable from the start, and the final boss is reachable from every node
        assertThat(reachable(graph, start.id(), false)).hasSize(graph.nodes().size());
        assertThat(reachable(graph, last.id(), true)).hasSize(graph.nodes().size());
        for (Node node : graph.nodes()) {
            if (node != last) {
                assertThat(graph.successors(node.id())).as(node.id() + " has a way on").isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"11, 13, 3", "12, 25, 4", "13, 4, 2"})
    void flagsExitsAndTiersAreConsistent(long seedNumber, int layers, int width) {
        SeedGraph graph = graphOf(GENERATOR.generate(seedNumber, new SeedShape(layers, width)));

        // one unique flag per edge, each naming the edge's target
        assertThat(graph.eventMap()).hasSameSizeAs(graph.edges());
        assertThat(graph.eventMap().keySet()).allSatisfy(flag -> assertThat(flag).isGreaterThanOrEqualTo(1040292800L));
        Map<String, Integer> flagsPerTarget = new HashMap<>();
        graph.eventMap().values().forEach(node -> flagsPerTarget.merge(node, 1, Integer::sum));
        graph.edges().forEach(edge -> flagsPerTarget.merge(edge.to(), -1, Integer::sum));
        assertThat(flagsPerTarget.values()).allSatisfy(count -> assertThat(count).isZero());
        long finish = graph.finishEvent().orElseThrow();
        assertThat(graph.eventMap()).doesNotContainKey(finish);
        assertThat(graph.isFinish(finish)).isTrue();
        Node last = graph.finalNode().orElseThrow();
        assertThat(graph.nodeForFlag(graph.finalNodeFlag().orElseThrow())).contains(last);
        assertThat(graph.finishBossDefeatFlag()).hasValue(FOG.area(last.zones().get(0)).orElseThrow().defeatFlag().orElseThrow());

        Set<String> fogIds = new HashSet<>();
        Set<String> zones = new HashSet<>();
        int previousTier = 0;
        for (Node node : graph.nodes()) {
            // real FogRando areas with their real names
            FogArea area = FOG.area(node.zones().get(0)).orElseThrow();
            assertThat(node.displayName()).isEqualTo(area.text());
            assertThat(zones.add(area.name())).as("zone used once: " + area.name()).isTrue();
            // exits match the edges and use real, distinct fog gates of the node's zone
            assertThat(node.exits()).extracting(Exit::toNodeId)
                    .containsExactlyInAnyOrderElementsOf(graph.successors(node.id()).stream().map(Node::id).toList());
            for (Exit exit : node.exits()) {
                assertThat(exit.fromZone()).isEqualTo(area.name());
                assertThat(FOG.gatesOf(area.name())).extracting(FogGate::fogId).contains(exit.fogId());
                assertThat(fogIds.add(exit.fogId())).as("fog gate used once: " + exit.fogId()).isTrue();
                assertThat(exit.text()).isEqualTo("fog gate to " + graph.node(exit.toNodeId()).orElseThrow().displayName());
            }
            assertThat(node.tier()).isGreaterThanOrEqualTo(previousTier);
            previousTier = node.tier();
        }
        assertThat(graph.startNode().tier()).isEqualTo(1);
        assertThat(last.tier()).isEqualTo(18);
    }

    @Test
    void writesASeedFolderThatTheScannerAccepts(@TempDir Path root) throws IOException {
        Path pool = TestSeeds.pool(root, "synthetic", "Synthetic");
        SyntheticSeed seed = GENERATOR.generate(2024);

        Path folder = seed.writeInto(pool);

        assertThat(folder).isEqualTo(pool.resolve("synthetic_2024"));
        assertThat(Files.readString(folder.resolve("graph.json"))).isEqualTo(seed.graphJson());
        assertThat(Files.readString(folder.resolve("README.txt"))).contains("Synthetic SpeedFog seed 2024", "cannot be played in ELDEN RING");
        try (var children = Files.list(pool)) {
            assertThat(children.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("config.toml", "synthetic_2024");
        }
        ScanResult scan = PoolScanner.scan(root);
        assertThat(scan.rejectedSeeds()).isEmpty();
        assertThat(scan.seed("synthetic/synthetic_2024").orElseThrow()).satisfies(found -> {
            assertThat(found.kind()).isEqualTo(SeedKind.FOLDER);
            assertThat(found.summary().seedNumber()).isEqualTo(2024);
            assertThat(found.summary().totalLayers()).isEqualTo(SeedShape.DEFAULT.totalLayers());
            assertThat(found.summary().hasEventMap()).isTrue();
        });
        assertThatThrownBy(() -> seed.writeInto(pool)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void shapesOutsideTheLimitsAreRefused() {
        assertThatThrownBy(() -> new SeedShape(2, 3)).hasMessageContaining("totalLayers must be from 3");
        assertThatThrownBy(() -> new SeedShape(13, 5)).hasMessage("maxWidth must be from 1 to 4 (was 5)");
    }

    private static Set<String> reachable(SeedGraph graph, String from, boolean backwards) {
        Map<String, List<String>> links = new HashMap<>();
        for (Edge edge : graph.edges()) {
            String a = backwards ? edge.to() : edge.from();
            String b = backwards ? edge.from() : edge.to();
            links.computeIfAbsent(a, key -> new ArrayList<>()).add(b);
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String node = todo.pop();
            if (seen.add(node)) {
                todo.addAll(links.getOrDefault(node, List.of()));
            }
        }
        return seen;
    }
}
