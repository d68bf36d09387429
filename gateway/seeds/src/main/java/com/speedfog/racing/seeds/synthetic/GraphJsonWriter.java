package com.speedfog.racing.seeds.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.speedfog.racing.seeds.fog.FogGate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Writes a generated seed as graph.json v4.1, in the field order and shape SpeedFog uses. */
final class GraphJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Fixed "\n" line ends (Jackson would use the platform's) so the bytes are the same on every machine.
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));

    private final long seedNumber;
    private final int totalLayers;
    private final List<PlannedNode> nodes;
    private final List<int[]> edges;
    private final long firstFlag;

    GraphJsonWriter(long seedNumber, int totalLayers, List<PlannedNode> nodes, List<int[]> edges, long firstFlag) {
        this.seedNumber = seedNumber;
        this.totalLayers = totalLayers;
        this.nodes = nodes;
        this.edges = edges;
        this.firstFlag = firstFlag;
    }

    String write() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "4.1");
        root.put("seed", seedNumber);
        root.put("total_layers", totalLayers);
        root.put("total_nodes", nodes.size());
        root.put("total_zones", nodes.size());
        root.put("total_paths", pathCount());
        root.putObject("options").put("synthetic", true);
        ObjectNode nodesJson = root.putObject("nodes");
        for (PlannedNode node : nodes) {
            nodesJson.set(node.id(), nodeJson(node));
        }
        ArrayNode edgesJson = root.putArray("edges");
        ArrayNode connections = root.putArray("connections");
        ObjectNode eventMap = JSON.createObjectNode();
        long finalNodeFlag = 0;
        PlannedNode last = nodes.get(nodes.size() - 1);
        for (int i = 0; i < edges.size(); i++) {
            PlannedNode from = nodes.get(edges.get(i)[0]);
            PlannedNode to = nodes.get(edges.get(i)[1]);
            long flag = firstFlag + i;
            edgesJson.addObject().put("from", from.id()).put("to", to.id());
            connections.addObject()
                    .put("exit_area", from.area().name())
                    .put("exit_gate", exitGate(from, to).fogId())
                    .put("entrance_area", to.area().name())
                    .put("entrance_gate", to.areaGates().isEmpty() ? "" : to.areaGates().get(0).fogId())
                    .put("flag_id", flag);
            eventMap.put(Long.toString(flag), to.id());
            if (to == last) {
                finalNodeFlag = flag;
            }
        }
        ObjectNode tiers = root.putObject("area_tiers");
        nodes.forEach(node -> tiers.put(node.area().name(), node.tier()));
        root.set("event_map", eventMap);
        root.put("final_node_flag", finalNodeFlag);
        root.put("finish_event", firstFlag + edges.size());
        root.put("finish_boss_defeat_flag", last.area().defeatFlag().orElse(0));
        try {
            return JSON.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated graph as JSON", e);
        }
    }

    private ObjectNode nodeJson(PlannedNode node) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", node.type());
        json.put("display_name", node.area().text());
        json.putArray("zones").add(node.area().name());
        json.put("layer", node.layer());
        json.put("tier", node.tier());
        json.put("weight", node.weight());
        ArrayNode exits = json.putArray("exits");
        for (PlannedNode target : targetsOf(node)) {
            exits.addObject()
                    .put("fog_id", exitGate(node, target).fogId())
                    .put("text", "fog gate to " + target.area().text())
                    .put("from", node.area().name())
                    .put("to", target.id());
        }
        ArrayNode entrances = json.putArray("entrances");
        for (int[] edge : edges) {
            if (edge[1] == node.index()) {
                PlannedNode source = nodes.get(edge[0]);
                entrances.addObject()
                        .put("text", "from " + source.area().text())
                        .put("from", source.id())
                        .put("to", node.area().name());
            }
        }
        return json;
    }

    /** The nodes this node leads to, in edge order, which is also the order of its exit gates. */
    private List<PlannedNode> targetsOf(PlannedNode node) {
        List<PlannedNode> targets = new ArrayList<>();
        for (int[] edge : edges) {
            if (edge[0] == node.index()) {
                targets.add(nodes.get(edge[1]));
            }
        }
        return targets;
    }

    private FogGate exitGate(PlannedNode from, PlannedNode to) {
        return from.exitGates().get(targetsOf(from).indexOf(to));
    }

    /** Distinct routes from the start to the final boss (can exceed a long for tall, wide seeds). */
    private BigInteger pathCount() {
        BigInteger[] paths = new BigInteger[nodes.size()];
        java.util.Arrays.fill(paths, BigInteger.ZERO);
        paths[0] = BigInteger.ONE;
        for (int[] edge : edges) { // edges are sorted by source, and sources come layer by layer
            paths[edge[1]] = paths[edge[1]].add(paths[edge[0]]);
        }
        return paths[nodes.size() - 1];
    }
}
