package com.speedfog.racing.seeds.graph;

/**
 * A fog gate leaving a node, as graph.json v4 lists it under the node's {@code exits}.
 *
 * @param fogId    FogRando's gate id ({@code <map>_<gate name>}); empty for exits derived from v3 edges
 * @param text     what the overlay shows for this gate ("fog gate to ...")
 * @param fromZone the zone of the node where the gate is
 * @param toNodeId the node the gate leads to
 */
public record Exit(String fogId, String text, String fromZone, String toNodeId) {
}
