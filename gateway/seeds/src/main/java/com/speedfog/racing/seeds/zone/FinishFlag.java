package com.speedfog.racing.seeds.zone;

import com.speedfog.racing.seeds.fog.FogArea;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The flag that means "finished" on a seed without {@code finish_event} (graph.json v3): the final
 * boss's defeat flag. In order:
 * <ol>
 *   <li>graph.json's {@code finish_boss_defeat_flag}, when the seed names it;</li>
 *   <li>the {@code DefeatFlag} of the first zone of the final node that has one in fog.txt;</li>
 *   <li>the defeat flag of fog.txt's area tagged {@code final} (Elden Beast): a final node without a boss
 *       of its own (e.g. {@code leyndell_erdtree}, "the path up to the Erdtree") ends the game's way.
 *       The v4 graph of the same sample seed names exactly that flag as its {@code finish_boss_defeat_flag}.</li>
 * </ol>
 *
 * @param why which rule gave the flag, for the log
 */
public record FinishFlag(long flag, String why) {

    public static Optional<FinishFlag> of(SeedGraph graph, FogData fog) {
        OptionalLong named = graph.finishBossDefeatFlag();
        if (named.isPresent()) {
            return Optional.of(new FinishFlag(named.getAsLong(), "graph.json finish_boss_defeat_flag"));
        }
        Optional<Node> last = graph.finalNode();
        if (last.isPresent()) {
            for (String zone : last.get().zones()) {
                Optional<FogArea> area = fog.area(zone).filter(a -> a.defeatFlag().isPresent());
                if (area.isPresent()) {
                    return Optional.of(new FinishFlag(area.get().defeatFlag().getAsLong(),
                            "defeat flag of " + zone + " (" + area.get().text() + "), the final node's zone"));
                }
            }
        }
        return fog.finalBossAreas().stream().filter(a -> a.defeatFlag().isPresent()).findFirst()
                .map(a -> new FinishFlag(a.defeatFlag().getAsLong(), "defeat flag of fog.txt's final boss "
                        + a.name() + " (" + a.text() + "): the final node " + last.map(Node::id).orElse("?")
                        + " has no boss of its own"));
    }
}
