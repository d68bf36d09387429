package com.speedfog.racing.seeds.graph;

import java.util.List;

/**
 * One node of a seed's DAG: a cluster of zones entered through a fog gate.
 *
 * @param id          the node id used in edges and {@code event_map} (e.g. {@code stormveil_db4a})
 * @param displayName the name shown to people
 * @param type        SpeedFog's kind of node ({@code start}, {@code mini_dungeon}, {@code boss_arena},
 *                    {@code legacy_dungeon}, {@code final_boss}, ...); empty when the graph does not say
 * @param zones       FogRando area names this node covers; a mod may report any of them
 * @param layer       distance from the start in layers, 0 for the Chapel of Anticipation
 * @param tier        enemy scaling tier, 0 when the graph does not say
 * @param exits       the fog gates leaving this node (graph v4); empty in v3 graphs
 */
public record Node(String id, String displayName, String type, List<String> zones, int layer, int tier,
                   List<Exit> exits) {

    public Node {
        zones = List.copyOf(zones);
        exits = List.copyOf(exits);
    }

    public boolean isStart() {
        return layer == 0;
    }
}
