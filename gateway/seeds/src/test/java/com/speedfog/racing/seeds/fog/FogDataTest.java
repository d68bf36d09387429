package com.speedfog.racing.seeds.fog;

import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.graph.Exit;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fog.txt shipped in the jar, read for real, and small files for the rules. */
class FogDataTest {

    private static final FogData FOG = FogData.bundled();

    @Test
    void readsTheAreasOfFogTxt() {
        assertThat(FOG.areas()).hasSizeGreaterThan(400);
        FogArea chapel = FOG.area("chapel_start").orElseThrow();
        assertThat(chapel.text()).isEqualTo("Chapel of Anticipation");
        assertThat(chapel.maps()).containsExactly("m10_01_00_00");
        assertThat(chapel.tags()).containsExactly("start");
        assertThat(chapel.defeatFlag()).isEmpty();

        FogArea gargoyles = FOG.area("siofra_nokron_gargoyles").orElseThrow();
        assertThat(gargoyles.text()).isEqualTo("Valiant Gargoyles");
        assertThat(gargoyles.defeatFlag()).isEqualTo(OptionalLong.of(12020800L));
        assertThat(FOG.area("stormveil_start").orElseThrow().text()).isEqualTo("Stormveil Castle before Gate");
        assertThat(FOG.area("no_such_area")).isEmpty();
        assertThat(FOG.areasWithText("Stormveil Castle after Gate")).extracting(FogArea::name).containsExactly("stormveil");
        assertThat(FOG.finalBossAreas()).extracting(FogArea::defeatFlag).contains(OptionalLong.of(19000800L));
    }

    @Test
    void readsFogGatesAndWarpsWithTheirSides() {
        FogGate scion = FOG.gate("m10_01_00_00_AEG099_001_9000").orElseThrow();
        assertThat(scion.kind()).isEqualTo(FogGate.Kind.FOG_GATE);
        assertThat(scion.text()).isEqualTo("Grafted Scion front");
        assertThat(scion.map()).isEqualTo("m10_01_00_00");
        assertThat(scion.aSide()).isEqualTo(new GateSide("chapel_start", "before Grafted Scion's arena", Optional.empty()));
        assertThat(scion.bSide().area()).isEqualTo("chapel_boss");

        FogGate warp = FOG.gate("m14_00_00_00_16002080").orElseThrow();
        assertThat(warp.kind()).isEqualTo(FogGate.Kind.WARP);
        assertThat(warp.text()).isEqualTo("Abduction to Volcano Manor");
        assertThat(warp.touches("academy")).isTrue();
        assertThat(warp.bSide().destinationMap()).hasValue("m16_00_00_00");
        assertThat(warp.arrivalMap()).isEqualTo("m16_00_00_00");

        assertThat(FOG.gatesOf("chapel_start")).extracting(FogGate::fogId)
                .contains("m10_01_00_00_AEG099_001_9000", "m12_05_00_00_12052021");
    }

    @Test
    void everyFogGateOfTheRealV4SampleIsAGateOfItsZone() {
        SeedGraph sample = SeedGraph.parse(new ByteArrayInputStream(TestSeeds.graphV4()), "sample_graph_v4.json");
        for (Node node : sample.nodes()) {
            assertThat(FOG.area(node.zones().get(0))).as(node.id()).isPresent();
            for (Exit exit : node.exits()) {
                assertThat(FOG.gatesOf(exit.fromZone())).as(exit.fogId()).extracting(FogGate::fogId).contains(exit.fogId());
            }
        }
    }

    @Test
    void everyZoneOfTheSampleSeedsIsAnAreaWithMaps() {
        for (byte[] graph : new byte[][]{TestSeeds.graphV3(), TestSeeds.graphV4()}) {
            SeedGraph seed = SeedGraph.parse(new ByteArrayInputStream(graph), "graph.json");
            seed.nodes().forEach(node -> node.zones().forEach(zone ->
                    assertThat(FOG.area(zone)).as(zone).hasValueSatisfying(area -> assertThat(area.maps()).isNotEmpty())));
        }
    }

    @Test
    void mapsAreMapIdsOnlyAndEveryGateLetsOutInAMap() {
        FOG.areas().forEach(area -> area.maps().forEach(map ->
                assertThat(map).as(area.name()).matches("m\\d{2}_\\d{2}_\\d{2}_\\d{2}")));
        assertThat(FOG.gates()).hasSizeGreaterThan(500);
        assertThat(FOG.gates()).allSatisfy(gate -> {
            assertThat(gate.arrivalMap()).as(gate.fogId()).matches("m\\d{2}_\\d{2}_\\d{2}_\\d{2}");
            assertThat(gate.mapsOf(gate.aSide())).as(gate.fogId()).allMatch(map -> map.matches("m\\d{2}_\\d{2}_\\d{2}_\\d{2}"));
        });
    }

    @Test
    void aFogGateLetsOutInItsSidesMapAndAWarpInItsDestination() throws IOException {
        FogData small = FogData.parse(new ByteArrayInputStream("""
                Areas:
                - Name: a
                  Text: Area A
                  Maps: m10_01_00_00 m10_01_01_00
                  DefeatFlag: 10010800
                  To:
                  - Area: b
                    Text: not a gate side
                  Tags: final minor
                - Name: b
                  Text: 'Area B: the second'
                  Maps: m60_34_47_00 1.5 2.5
                - Name: c
                  Text: Area C
                  Maps: m18_00_00_00
                Warps:
                - Name: 10012690
                  ID: 10012690
                  Area: m60_34_47_00
                  ASide:
                    Area: b
                    Text: using the belfry
                  BSide:
                    Area: a
                    Text: arriving at the chapel
                    DestinationMap: m10_01_00_00
                - Name: 3005284030051840
                  ID: 30052840
                  Area: m30_05_00_00
                  ASide:
                    Area: c
                  BSide:
                    Area: a
                    DestinationMap: m10_01_00_00
                Entrances:
                - Name: AEG099_002_9000
                  ID: 10001800
                  Area: m10_00_00_00
                  ASide:
                    Area: a
                    Text: before the arena
                  BSide:
                    Area: b
                    Text: in the arena
                - Name: AEG099_003_9000
                  ID: 10001801
                  Area: m60_42_35_00
                  ASide:
                    Area: b
                  BSide:
                    Area: c
                    Text: inside the cave
                    DestinationMap: m18_00_00_00
                """.getBytes(StandardCharsets.UTF_8)), "small.txt");

        assertThat(small.arrivalMaps("m60_34_47_00_10012690", "a")).as("a warp: its destination, then where it stands")
                .containsExactly("m10_01_00_00", "m60_34_47_00");
        assertThat(small.arrivalMaps("m10_00_00_00_AEG099_002_9000", "b")).containsExactly("m10_00_00_00");
        assertThat(small.arrivalMaps("m60_42_35_00_AEG099_003_9000", "c")).as("the cave side's own map first")
                .containsExactly("m18_00_00_00", "m60_42_35_00");
        assertThat(small.arrivalMaps("m60_42_35_00_AEG099_003_9000", "b")).as("the overworld side").containsExactly("m60_42_35_00");
        assertThat(small.arrivalMaps("m60_42_35_00_AEG099_003_9000", "zz")).as("no side there: the gate's map").containsExactly("m60_42_35_00");
        assertThat(small.arrivalMaps("m30_05_00_00_30052840", "a")).as("a warp named by its ID").contains("m10_01_00_00");
        assertThat(small.arrivalMaps("m31_02_00_00_AEG099_001_9000", "a")).as("unknown to fog.txt: its name's map").containsExactly("m31_02_00_00");
        assertThat(small.arrivalMaps("no-map", "a")).isEmpty();
        assertThat(small.gate("m10_00_00_00_AEG099_002_9000").orElseThrow().sideIn("b").orElseThrow().text()).isEqualTo("in the arena");
        assertThat(small.gate("m60_34_47_00_10012690").orElseThrow().aSide().text()).isEqualTo("using the belfry");
        assertThat(small.area("a").orElseThrow().defeatFlag()).hasValue(10010800);
        assertThat(small.area("a").orElseThrow().maps()).containsExactly("m10_01_00_00", "m10_01_01_00");
        assertThat(small.area("b").orElseThrow().maps()).as("coordinates are not maps").containsExactly("m60_34_47_00");
        assertThat(small.area("b").orElseThrow().text()).isEqualTo("Area B: the second");
        assertThat(small.area("b").orElseThrow().defeatFlag()).isEmpty();
        assertThat(small.finalBossAreas()).extracting(FogArea::name).containsExactly("a");
        assertThat(small.gatesOf("a")).hasSize(3);
    }

    @Test
    void unquotesYamlScalars() {
        assertThat(FogTextReader.unquote("''")).isEmpty();
        assertThat(FogTextReader.unquote("'it''s'")).isEqualTo("it's");
        assertThat(FogTextReader.unquote("\"quoted\"")).isEqualTo("quoted");
        assertThat(FogTextReader.unquote(" plain text ")).isEqualTo("plain text");
    }

    @Test
    void aFileWithoutAreasIsNotFogTxt() {
        assertThatThrownBy(() -> FogData.parse(new ByteArrayInputStream("Warps:\n- Name: 1\n".getBytes(StandardCharsets.UTF_8)), "x.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.txt: no areas found under 'Areas:': is this FogRando's fog.txt?");
        assertThatThrownBy(() -> FogData.parse(new ByteArrayInputStream("nodes: {}".getBytes(StandardCharsets.UTF_8)), "graph.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Areas");
    }
}
