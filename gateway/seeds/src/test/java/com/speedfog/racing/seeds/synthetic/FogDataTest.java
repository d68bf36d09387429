package com.speedfog.racing.seeds.synthetic;

import com.speedfog.racing.seeds.graph.Exit;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    @Test
    void readsFogGatesAndWarpsWithTheirSides() {
        FogGate scion = FOG.gates().stream().filter(g -> g.fogId().equals("m10_01_00_00_AEG099_001_9000")).findFirst().orElseThrow();
        assertThat(scion.text()).isEqualTo("Grafted Scion front");
        assertThat(scion.aSide()).isEqualTo("chapel_start");
        assertThat(scion.bSide()).isEqualTo("chapel_boss");

        FogGate warp = FOG.gates().stream().filter(g -> g.fogId().equals("m14_00_00_00_16002080")).findFirst().orElseThrow();
        assertThat(warp.text()).isEqualTo("Abduction to Volcano Manor");
        assertThat(warp.touches("academy")).isTrue();

        assertThat(FOG.gatesOf("chapel_start")).extracting(FogGate::fogId)
                .contains("m10_01_00_00_AEG099_001_9000", "m12_05_00_00_12052021");
    }

    @Test
    void everyFogGateOfTheRealV4SampleIsAGateOfItsZone() throws IOException {
        SeedGraph sample;
        try (InputStream in = getClass().getResourceAsStream("/graphs/sample_graph_v4.json")) {
            sample = SeedGraph.parse(in, "sample_graph_v4.json");
        }
        for (Node node : sample.nodes()) {
            assertThat(FOG.area(node.zones().get(0))).as(node.id()).isPresent();
            for (Exit exit : node.exits()) {
                assertThat(FOG.gatesOf(exit.fromZone())).as(exit.fogId()).extracting(FogGate::fogId).contains(exit.fogId());
            }
        }
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
    }
}
