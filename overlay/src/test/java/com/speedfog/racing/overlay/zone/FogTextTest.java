package com.speedfog.racing.overlay.zone;

import com.speedfog.racing.overlay.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fog.txt shipped in the jar, read for real. */
class FogTextTest {

    private final FogText fog = FogText.bundled();

    @Test
    void everyZoneOfTheSampleSeedsIsAnAreaWithMaps(@TempDir Path dir) throws IOException {
        for (String version : new String[]{"v3", "v4"}) {
            ZoneGraph graph = ZoneGraph.load(SeedFiles.copyGraph(version, dir.resolve(version + ".json")));
            graph.nodes().values().forEach(node -> node.zones().forEach(zone ->
                    assertThat(fog.area(zone)).as(zone).hasValueSatisfying(area -> assertThat(area.maps()).isNotEmpty())));
        }
    }

    @Test
    void mapsAreMapIdsOnly() {
        fog.areas().values().forEach(area -> area.maps().forEach(map ->
                assertThat(map).as(area.name()).matches("m\\d{2}_\\d{2}_\\d{2}_\\d{2}")));
        assertThat(fog.areas()).hasSizeGreaterThan(400);
    }

    @Test
    void aFogGateLetsOutInItsOwnMapAndAWarpInItsDestination() throws IOException {
        FogText small = FogText.read(new ByteArrayInputStream("""
                Areas:
                - Name: a
                  Text: Area A
                  Maps: m10_01_00_00 m10_01_01_00
                  DefeatFlag: 10010800
                  Tags: final minor
                - Name: b
                  Text: Area B
                  Maps: m60_34_47_00 1.5 2.5
                Warps:
                - Name: 10012690
                  ID: 10012690
                  Area: m60_34_47_00
                  ASide:
                    Area: b
                  BSide:
                    Area: a
                    DestinationMap: m10_01_00_00
                Entrances:
                - Name: AEG099_002_9000
                  ID: 10001800
                  Area: m10_00_00_00
                  ASide:
                    Area: a
                  BSide:
                    Area: b
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(small.arrivalMap("m60_34_47_00_10012690")).hasValue("m10_01_00_00");
        assertThat(small.arrivalMap("m10_00_00_00_AEG099_002_9000")).hasValue("m10_00_00_00");
        assertThat(small.arrivalMap("m31_02_00_00_AEG099_001_9000")).as("unknown to fog.txt: its name's map").hasValue("m31_02_00_00");
        assertThat(small.arrivalMap("no-map")).isEmpty();
        assertThat(small.area("a").orElseThrow().defeatFlag()).hasValue(10010800);
        assertThat(small.area("a").orElseThrow().maps()).containsExactly("m10_01_00_00", "m10_01_01_00");
        assertThat(small.area("b").orElseThrow().maps()).as("coordinates are not maps").containsExactly("m60_34_47_00");
        assertThat(small.area("b").orElseThrow().defeatFlag()).isEmpty();
        assertThat(small.finalBossAreas()).extracting(FogArea::name).containsExactly("a");
    }

    @Test
    void everyGateOfTheBundledFileLetsOutInAMap() {
        assertThat(fog.arrivalMaps()).hasSizeGreaterThan(500);
        assertThat(fog.arrivalMaps().values()).allSatisfy(map -> assertThat(map).matches("m\\d{2}_\\d{2}_\\d{2}_\\d{2}"));
    }

    @Test
    void somethingElseIsNotAFogText() {
        assertThatThrownBy(() -> FogText.read(new ByteArrayInputStream("nodes: {}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("Areas");
    }
}
