package com.speedfog.racing.seeds.zone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which flag finishes a v3 run: real graphs, the bundled fog.txt. */
class FinishFlagTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FogData fog = FogData.bundled();

    @Test
    void aFinalNodeWithoutABossEndsOnTheGamesFinalBossTheSameAsTheV4GraphOfTheSameSeed() throws IOException {
        SeedGraph v3 = graph(TestSeeds.graphV3());
        SeedGraph v4 = graph(TestSeeds.graphV4());
        String finalZone = v3.finalNode().orElseThrow().zones().get(0);
        assertThat(fog.area(finalZone).orElseThrow().defeatFlag()).as("the sample's final zone has no boss").isEmpty();

        FinishFlag finish = FinishFlag.of(v3, fog).orElseThrow();

        assertThat(finish.flag()).isEqualTo(v4.finishBossDefeatFlag().getAsLong());
        assertThat(finish.why()).contains("final boss").contains(v3.finalNode().get().id());
    }

    @Test
    void aGraphThatNamesTheFlagIsBelieved() throws IOException {
        SeedGraph v4 = graph(TestSeeds.graphV4());

        FinishFlag finish = FinishFlag.of(v4, fog).orElseThrow();

        assertThat(finish.flag()).isEqualTo(v4.finishBossDefeatFlag().getAsLong());
        assertThat(finish.why()).contains("finish_boss_defeat_flag");
    }

    @Test
    void aFinalNodeThatIsABossArenaEndsOnThatBossesDefeatFlag() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(TestSeeds.graphV3());
        ObjectNode last = (ObjectNode) root.path("nodes").path("leyndell_erdtree_ca15");
        // A zone without a boss first: the first zone that has one counts.
        last.putArray("zones").add("leyndell_erdtree").add("leyndell_throne");
        long throneFlag = fog.area("leyndell_throne").orElseThrow().defeatFlag().orElseThrow();

        FinishFlag finish = FinishFlag.of(graph(JSON.writeValueAsBytes(root)), fog).orElseThrow();

        assertThat(finish.flag()).isEqualTo(throneFlag);
        assertThat(finish.why()).contains("leyndell_throne");
    }

    private static SeedGraph graph(byte[] json) {
        return SeedGraph.parse(new ByteArrayInputStream(json), "graph.json");
    }
}
