package com.speedfog.racing.seeds.synthetic;

import com.speedfog.racing.seeds.fog.FogArea;
import com.speedfog.racing.seeds.fog.FogGate;

import java.util.List;

/**
 * A node of a seed being generated.
 *
 * @param index     position in the generator's node numbering (layer by layer)
 * @param exitGates the fog gates used for this node's out-edges, in the order of those edges
 * @param areaGates every gate of the area, for the entrance side of connections
 */
record PlannedNode(int index, String id, FogArea area, String type, int weight, int layer, int tier,
                   List<FogGate> exitGates, List<FogGate> areaGates) {
}
