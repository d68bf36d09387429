package com.speedfog.racing.seeds.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Map id → node on the real sample seed (graph.json v3) and the bundled fog.txt. The v4 graph of the
 * same seed is the independent answer: its nodes list their exits with the node each one leads to.
 */
class ZoneLocatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FogData FOG = FogData.bundled();

    private ZoneLocator locator;
    private SeedGraph graph;

    @BeforeEach
    void load() {
        graph = SeedGraph.parse(new ByteArrayInputStream(TestSeeds.graphV3()), "graph.json");
        locator = new ZoneLocator(graph, FOG);
    }

    private static String mapOf(String gate) {
        return gate.substring(0, 12);
    }

    @Test
    void everyFogGateOfTheSeedLeadsWhereTheV4GraphSays() throws IOException {
        JsonNode v4 = JSON.readTree(TestSeeds.graphV4());
        Map<String, String> arrivalGateOf = new HashMap<>();
        v4.path("connections").forEach(c -> arrivalGateOf.put(c.path("exit_gate").asText(), c.path("entrance_gate").asText()));
        int checked = 0;
        for (Map.Entry<String, JsonNode> node : v4.path("nodes").properties()) {
            for (JsonNode exit : node.getValue().path("exits")) {
                String arrivalMap = mapOf(arrivalGateOf.get(exit.path("fog_id").asText()));

                Located located = locator.locate(Set.of(node.getKey()), arrivalMap, false, Set.of(node.getKey()));

                assertThat(located).as(node.getKey() + " through " + exit.path("fog_id").asText())
                        .isEqualTo(new Located.Moved(exit.path("to").asText()));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(v4.path("connections").size());
    }

    @Test
    void aGateWhoseSideLiesInAnotherMapLeadsThereFromEitherMap() {
        // Sage's Cave entrance stands in an overworld tile; fog.txt puts its cave side in the cave's map.
        var gate = FOG.gate("m60_37_52_00_AEG099_232_9000").orElseThrow();
        var maps = FOG.arrivalMaps(gate.fogId(), "altus_sagescave");
        assertThat(maps).containsExactly("m31_19_00_00", "m60_37_52_00");
        for (String map : maps) {
            assertThat(locator.locate(Set.of("stormveil_db4a"), map, false, Set.of("stormveil_db4a"))).as(map)
                    .isEqualTo(new Located.Moved("altus_sagescave_1646"));
        }
    }

    @Test
    void aDeathInTheSameZoneStaysThere() {
        String start = graph.startNode().id();
        String startMap = FOG.area(graph.startNode().zones().get(0)).orElseThrow().maps().get(0);

        assertThat(locator.locate(Set.of(start), startMap, true, Set.of(start))).isEqualTo(new Located.Stayed(Set.of(start)));
        assertThat(locator.locate(Set.of(start), startMap, false, Set.of(start)))
                .as("a grace or a quit-out in the same zone").isEqualTo(new Located.Stayed(Set.of(start)));
    }

    @Test
    void aRespawnGoesBackToAVisitedNodeButNeverIntoANewOne() {
        String start = graph.startNode().id();
        String next = graph.successors(start).get(0).id();
        String startMap = FOG.area(graph.startNode().zones().get(0)).orElseThrow().maps().get(0);
        String nextMap = FOG.area(graph.node(next).orElseThrow().zones().get(0)).orElseThrow().maps().get(0);

        assertThat(locator.locate(Set.of(next), startMap, true, Set.of(start, next))).isEqualTo(new Located.Moved(start));
        assertThat(locator.locate(Set.of(start), nextMap, true, Set.of(start))).isEqualTo(new Located.Nowhere());
        assertThat(locator.locate(Set.of(start), nextMap, false, Set.of(start))).isEqualTo(new Located.Moved(next));
    }

    @Test
    void aMapTheSeedDoesNotUseIsNowhere() {
        Set<String> used = new java.util.HashSet<>();
        graph.nodes().forEach(n -> used.addAll(locator.mapsOf(n.id())));
        String roundtable = FOG.area("roundtable").orElseThrow().maps().get(0);
        assertThat(used).doesNotContain(roundtable);

        assertThat(locator.locate(Set.of(graph.startNode().id()), roundtable, false, Set.of()))
                .isEqualTo(new Located.Nowhere());
    }

    @Test
    void aMapFarFromHereCountsWhenOnlyOneNodeHasIt() {
        String start = graph.startNode().id();
        Node last = graph.finalNode().orElseThrow();
        String lastMap = FOG.area(last.zones().get(0)).orElseThrow().maps().get(0);
        long nodesWithIt = graph.nodes().stream().filter(n -> locator.mapsOf(n.id()).contains(lastMap)).count();
        assertThat(nodesWithIt).isEqualTo(1);

        assertThat(locator.locate(Set.of(start), lastMap, false, Set.of(start))).isEqualTo(new Located.Moved(last.id()));
    }

    @Test
    void twoNextNodesInOneMapAreUnsureUntilTheNextGateTells() throws IOException {
        // A seed where both exits of the start lead into Stormveil Castle (one map, m10_00_00_00).
        ObjectNode root = (ObjectNode) JSON.readTree(TestSeeds.graphV3());
        ((ObjectNode) root.path("nodes").path("liurnia_manor_9103")).putArray("zones").add("stormveil_godrick");
        ((ObjectNode) root.path("nodes").path("academy_d5a9")).putArray("zones").add("stormveil_margit");
        for (JsonNode c : root.path("connections")) {
            ObjectNode connection = (ObjectNode) c;
            switch (c.path("entrance_area").asText()) {
                case "liurnia_manor" -> connection.put("entrance_area", "stormveil_godrick").put("entrance_gate", "m10_00_00_00_AEG099_002_9000");
                case "academy" -> connection.put("entrance_area", "stormveil_margit").put("entrance_gate", "m10_00_00_00_AEG099_002_9001");
                default -> { }
            }
            switch (c.path("exit_area").asText()) {
                case "liurnia_manor" -> connection.put("exit_area", "stormveil_godrick");
                case "academy" -> connection.put("exit_area", "stormveil_margit");
                default -> { }
            }
        }
        SeedGraph twinGraph = SeedGraph.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), "twin.json");
        ZoneLocator twinLocator = new ZoneLocator(twinGraph, FOG);
        String start = twinGraph.startNode().id();

        Located first = twinLocator.locate(Set.of(start), "m10_00_00_00", false, Set.of(start));

        assertThat(first).isEqualTo(new Located.Unsure(Set.of("liurnia_manor_9103", "academy_d5a9")));
        // Both lead on to the gargoyles: the next gate settles where the player is.
        String gargoyles = "siofra_nokron_gargoyles_fd23";
        String gargoylesMap = FOG.area("siofra_nokron_gargoyles").orElseThrow().maps().get(0);
        assertThat(twinLocator.locate(((Located.Unsure) first).nodes(), gargoylesMap, false, Set.of(start)))
                .isEqualTo(new Located.Moved(gargoyles));
    }
}
