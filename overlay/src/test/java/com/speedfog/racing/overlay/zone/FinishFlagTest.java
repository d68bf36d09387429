package com.speedfog.racing.overlay.zone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.speedfog.racing.overlay.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which flag finishes a v3 run: real graphs, the bundled fog.txt. */
class FinishFlagTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FogText fog = FogText.bundled();

    @TempDir
    Path dir;

    @Test
    void aFinalNodeWithoutABossEndsOnTheGamesFinalBossTheSameAsTheV4GraphOfTheSameSeed() throws IOException {
        ZoneGraph v3 = ZoneGraph.load(SeedFiles.copyGraph("v3", dir.resolve("v3.json")));
        ZoneGraph v4 = ZoneGraph.load(SeedFiles.copyGraph("v4", dir.resolve("v4.json")));
        String finalZone = v3.finalBoss().orElseThrow().zones().get(0);
        assertThat(fog.area(finalZone).orElseThrow().defeatFlag()).as("the sample's final zone has no boss").isEmpty();

        FinishFlag finish = FinishFlag.of(v3, fog).orElseThrow();

        assertThat(finish.flag()).isEqualTo(v4.finishBossDefeatFlag().getAsLong());
        assertThat(finish.why()).contains("final boss").contains(v3.finalBoss().get().id());
    }

    @Test
    void aGraphThatNamesTheFlagIsBelieved() throws IOException {
        ZoneGraph v4 = ZoneGraph.load(SeedFiles.copyGraph("v4", dir.resolve("v4.json")));

        FinishFlag finish = FinishFlag.of(v4, fog).orElseThrow();

        assertThat(finish.flag()).isEqualTo(v4.finishBossDefeatFlag().getAsLong());
        assertThat(finish.why()).contains("finish_boss_defeat_flag");
    }

    @Test
    void aFinalNodeThatIsABossArenaEndsOnThatBossesDefeatFlag() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(SeedFiles.copyGraph("v3", dir.resolve("v3.json")).toFile());
        ObjectNode last = (ObjectNode) root.path("nodes").path("leyndell_erdtree_ca15");
        // A zone without a boss first: the first zone that has one counts.
        last.putArray("zones").add("leyndell_erdtree").add("leyndell_throne");
        Path graph = dir.resolve("boss-final.json");
        JSON.writeValue(graph.toFile(), root);
        long throneFlag = fog.area("leyndell_throne").orElseThrow().defeatFlag().orElseThrow();

        FinishFlag finish = FinishFlag.of(ZoneGraph.load(graph), fog).orElseThrow();

        assertThat(finish.flag()).isEqualTo(throneFlag);
        assertThat(finish.why()).contains("leyndell_throne");
    }
}
