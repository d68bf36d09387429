package com.speedfog.racing.seeds.graph;

import com.speedfog.racing.seeds.TestSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SeedGraphTest {

    static SeedGraph fixture(String name) {
        byte[] graph = name.contains("v3") ? TestSeeds.graphV3() : TestSeeds.graphV4();
        return SeedGraph.parse(new ByteArrayInputStream(graph), name);
    }

    static SeedGraph parse(String json) {
        return SeedGraph.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "graph.json");
    }

    @Test
    void readsTheV3Sample() throws IOException {
        SeedGraph graph = fixture("sample_graph_v3.json");

        assertThat(graph.version()).isEqualTo("3.0");
        assertThat(graph.seedNumber()).isEqualTo(824910911L);
        assertThat(graph.totalLayers()).isEqualTo(13);
        assertThat(graph.nodes()).hasSize(16);
        assertThat(graph.edges()).hasSize(17);
        assertThat(graph.startNode().id()).isEqualTo("chapel_start_4f96");
        assertThat(graph.startNode().displayName()).isEqualTo("Chapel of Anticipation");
        assertThat(graph.finalNode()).get().extracting(Node::id).isEqualTo("leyndell_erdtree_ca15");
        assertThat(graph.eventMap()).isEmpty();
        assertThat(graph.finishEvent()).isEmpty();
        assertThat(graph.hasEventFlags()).isFalse();
        assertThat(graph.summary()).isEqualTo(new SeedSummary("3.0", 824910911L, 13, 16, false));
    }

    @Test
    void resolvesZonesByNodeIdOrByZoneName() throws IOException {
        SeedGraph graph = fixture("sample_graph_v3.json");

        assertThat(graph.resolveZone("stormveil_db4a")).get().extracting(Node::displayName)
                .isEqualTo("Stormveil Castle after Gate");
        // a node listing two zones answers to both
        assertThat(graph.resolveZone("stormveil_start")).get().extracting(Node::id).isEqualTo("stormveil_db4a");
        assertThat(graph.resolveZone("stormveil")).get().extracting(Node::id).isEqualTo("stormveil_db4a");
        assertThat(graph.resolveZone("snowfield_prehiddenpath")).get().extracting(Node::id)
                .isEqualTo("snowfield_hiddenpath_8ef0");
        assertThat(graph.resolveZone("caelid")).isEmpty();
        assertThat(graph.layerOf("stormveil_start")).hasValue(5);
        assertThat(graph.layerOf("leyndell_erdtree")).hasValue(12);
        assertThat(graph.layerOf("nowhere")).isEmpty();
        assertThat(graph.node("stormveil")).isEmpty(); // node() takes node ids only
    }

    @Test
    void v3ExitsComeFromTheEdges() throws IOException {
        SeedGraph graph = fixture("sample_graph_v3.json");

        assertThat(graph.exitsOf("chapel_start")).extracting(ResolvedExit::targetDisplayName)
                .containsExactly("Liurnia - Caria Manor", "Academy of Raya Lucaria");
        assertThat(graph.exitsOf("chapel_start")).allSatisfy(exit -> assertThat(exit.exit().fogId()).isEmpty());
        assertThat(graph.exitsOf("leyndell_erdtree_ca15")).isEmpty();
        assertThat(graph.exitsOf("unknown")).isEmpty();
    }

    @Test
    void readsTheV4SampleWithFlagsAndExits() throws IOException {
        SeedGraph graph = fixture("sample_graph_v4.json");

        assertThat(graph.version()).isEqualTo("4.1");
        assertThat(graph.nodes()).hasSize(16);
        assertThat(graph.hasEventFlags()).isTrue();
        assertThat(graph.eventMap()).hasSize(19);
        assertThat(graph.nodeForFlag(1040292806L)).get().extracting(Node::id).isEqualTo("stormveil_db4a");
        assertThat(graph.nodeForFlag(1040292818L)).get().extracting(Node::id).isEqualTo("leyndell_erdtree_ca15");
        assertThat(graph.nodeForFlag(1040292819L)).isEmpty();
        assertThat(graph.nodeForFlag(42L)).isEmpty();
        assertThat(graph.isFinish(1040292819L)).isTrue();
        assertThat(graph.isFinish(1040292818L)).isFalse();
        assertThat(graph.finishEvent()).hasValue(1040292819L);
        assertThat(graph.finalNodeFlag()).hasValue(1040292818L);
        assertThat(graph.finishBossDefeatFlag()).hasValue(19000800L);
        assertThat(graph.eventIds()).hasSize(20).endsWith(1040292819L);
    }

    @Test
    void v4ExitsNameTheirFogGateAndTarget() throws IOException {
        SeedGraph graph = fixture("sample_graph_v4.json");

        Node stormveil = graph.node("stormveil_db4a").orElseThrow();
        assertThat(stormveil.exits()).hasSize(2);
        assertThat(graph.exitsOf("stormveil_start"))
                .extracting(exit -> exit.exit().fogId(), ResolvedExit::targetDisplayName, exit -> exit.target().layer())
                .containsExactly(
                        tuple("m10_00_00_00_AEG099_230_9001", "Altus Plateau - Sage's Cave", 6),
                        tuple("m10_00_00_00_AEG099_002_9000", "Altus Plateau - Sage's Cave", 6));
        Exit first = graph.startNode().exits().get(0);
        assertThat(first).isEqualTo(new Exit("m10_01_00_00_AEG099_001_9000", "fog gate to Liurnia - Caria Manor",
                "chapel_start", "liurnia_manor_9103"));
    }

    @Test
    void bothVersionsDescribeTheSameDag() throws IOException {
        SeedGraph v3 = fixture("sample_graph_v3.json");
        SeedGraph v4 = fixture("sample_graph_v4.json");

        assertThat(v4.edges()).isEqualTo(v3.edges());
        assertThat(v4.nodes()).extracting(Node::id, Node::layer, Node::tier, Node::zones)
                .isEqualTo(v3.nodes().stream().map(n -> tuple(n.id(), n.layer(), n.tier(), n.zones())).toList());
        Set<String> reached = new HashSet<>();
        walk(v4, v4.startNode().id(), reached);
        assertThat(reached).hasSize(16);
    }

    private static void walk(SeedGraph graph, String nodeId, Set<String> reached) {
        if (reached.add(nodeId)) {
            graph.successors(nodeId).forEach(next -> walk(graph, next.id(), reached));
        }
    }

    @Test
    void readsAFileAndIgnoresUnknownFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("graph.json");
        Files.writeString(file, """
                {"version": "9.9", "seed": 7, "total_layers": 2, "something_new": {"x": [1, 2]},
                 "nodes": {"a": {"display_name": "A", "layer": 0, "zones": ["za"], "colour": "red"},
                           "b": {"display_name": "B", "layer": 1, "type": "final_boss"}},
                 "edges": [{"from": "a", "to": "b", "weight": 3}]}
                """);

        SeedGraph graph = SeedGraph.parse(file);

        assertThat(graph.nodes()).extracting(Node::id).containsExactly("a", "b");
        assertThat(graph.node("b").orElseThrow().zones()).isEmpty();
        assertThat(graph.node("b").orElseThrow().tier()).isZero();
        assertThat(graph.resolveZone("za")).get().extracting(Node::id).isEqualTo("a");
        assertThat(graph.finalNode()).get().extracting(Node::id).isEqualTo("b");
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> SeedGraph.parse(dir.resolve("graph.json")))
                .isInstanceOf(InvalidSeedGraphException.class)
                .hasMessageEndingWith("graph.json: file not found");
    }

    @Test
    void malformedGraphsSayWhatIsWrong() {
        String base = """
                {"seed": 1, "total_layers": 3,
                 "nodes": {"s": {"display_name": "S", "layer": 0}, "x": {"display_name": "X", "layer": 1}, NODE},
                 "edges": [{"from": "s", "to": "x"}, EDGE] EXTRA}
                """;
        String okNode = "\"f\": {\"display_name\": \"F\", \"layer\": 2}";
        String okEdge = "{\"from\": \"x\", \"to\": \"f\"}";

        assertInvalid(base.replace("NODE", "\"f\": {\"display_name\": \"F\"}").replace("EDGE", okEdge).replace("EXTRA", ""),
                "graph.json: node 'f' has no layer");
        assertInvalid(base.replace("NODE", okNode).replace("EDGE", "{\"from\": \"x\", \"to\": \"y\"}").replace("EXTRA", ""),
                "graph.json: edge 2 to unknown node 'y'");
        assertInvalid(base.replace("NODE", okNode).replace("EDGE", "{\"from\": \"q\", \"to\": \"f\"}").replace("EXTRA", ""),
                "graph.json: edge 2 from unknown node 'q'");
        assertInvalid(base.replace("NODE", "\"f\": {\"display_name\": \"F\", \"layer\": \"two\"}").replace("EDGE", okEdge).replace("EXTRA", ""),
                "graph.json: node 'f' has layer 'two': it must be a whole number from 0");
        assertInvalid(base.replace("NODE", "\"f\": {\"display_name\": \"F\", \"layer\": 5}").replace("EDGE", okEdge).replace("EXTRA", ""),
                "graph.json: node 'f' has layer 5 but total_layers is 3 (layers run from 0 to 2)");
        assertInvalid(base.replace("NODE", "\"f\": {\"layer\": 2}").replace("EDGE", okEdge).replace("EXTRA", ""),
                "graph.json: node 'f' has no display_name");
        assertInvalid(base.replace("NODE", "\"f\": {\"display_name\": \"F\", \"layer\": 0}").replace("EDGE", okEdge).replace("EXTRA", ""),
                "graph.json: 2 nodes at layer 0 (s, f): a seed has exactly one start node");
        assertInvalid(base.replace("NODE", okNode).replace("EDGE", okEdge).replace("EXTRA", ", \"event_map\": {\"100\": \"zz\"}"),
                "graph.json: event_map flag 100 names unknown node 'zz'");
        assertInvalid(base.replace("NODE", okNode).replace("EDGE", okEdge).replace("EXTRA", ", \"event_map\": {\"abc\": \"x\"}"),
                "graph.json: event_map key 'abc' is not a flag id (a whole number)");
        assertInvalid(base.replace("NODE", okNode).replace("EDGE", okEdge)
                        .replace("EXTRA", ", \"event_map\": {\"100\": \"x\"}, \"finish_event\": 100"),
                "graph.json: finish_event 100 is also in event_map (node 'x'): one flag cannot mean both");
        assertInvalid(base.replace("NODE", "\"f\": {\"display_name\": \"F\", \"layer\": 2, \"exits\": [{\"fog_id\": \"g\", \"to\": \"nope\"}]}")
                        .replace("EDGE", okEdge).replace("EXTRA", ""),
                "graph.json: node 'f' exit 1 goes to unknown node 'nope'");
        assertInvalid("{\"seed\": 1, \"total_layers\": 2, \"edges\": []}", "graph.json: 'nodes' is missing (an object of node id -> node)");
        assertInvalid("{\"total_layers\": 2, \"nodes\": {}, \"edges\": []}", "graph.json: 'seed' is missing (the seed number)");
        assertInvalid("[1, 2]", "graph.json: must be a JSON object with 'nodes' and 'edges' (was a list)");
        assertInvalid("", "graph.json: the file is empty");
        assertThatThrownBy(() -> parse("{\"seed\": 1,"))
                .isInstanceOf(InvalidSeedGraphException.class)
                .hasMessageStartingWith("graph.json: not valid JSON at line 1");
    }

    @Test
    void keepsTheFogGateConnectionsAndAnswersNeighbours() {
        SeedGraph v4 = fixture("sample_graph_v4.json");
        SeedGraph v3 = fixture("sample_graph_v3.json");

        assertThat(v4.connections()).hasSize(19).first().isEqualTo(new Connection("chapel_start",
                "m10_01_00_00_AEG099_001_9000", "liurnia_manor", "m60_35_50_00_AEG099_003_9000", OptionalLong.of(1040292800L)));
        assertThat(v3.connections()).hasSize(19).first().extracting(Connection::flagId).isEqualTo(OptionalLong.empty());
        assertThat(v4.predecessors("siofra_nokron_gargoyles_fd23")).extracting(Node::id)
                .containsExactly("academy_d5a9", "liurnia_manor_9103");
        assertThat(v4.describeFlag(1040292800L)).isEqualTo("liurnia_manor_9103");
        assertThat(v4.describeFlag(v4.finishEvent().getAsLong())).isEqualTo("finish");
        assertThat(v4.describeFlag(1L)).isEqualTo("?");
        assertInvalid("""
                {"seed": 1, "total_layers": 1, "nodes": {"a": {"display_name": "A", "layer": 0}}, "edges": [],
                 "connections": [{"exit_area": "x", "flag_id": "soon"}]}""",
                "graph.json: connection 1 'flag_id' must be a whole number (was 'soon')");
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidSeedGraphException.class).hasMessage(message);
    }
}
