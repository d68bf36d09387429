package com.speedfog.racing.overlay.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulated player needs of a seed's graph.json (v4): the nodes, and for each node the fog
 * gates leading out of it with the event flag each one sets. Gates come from {@code connections}
 * (exit zone → flag), the node entered from {@code event_map[flag]}.
 */
public record SimulationGraph(Map<String, Node> nodes, String startNode, String finalNode, long finishEvent,
                              int totalLayers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Node(String id, String displayName, int layer, List<Gate> exits) {
    }

    /** A fog gate: crossing it sets {@code flagId} and leads into node {@code to}. */
    public record Gate(long flagId, String to) {
    }

    public SimulationGraph {
        nodes = Map.copyOf(nodes);
    }

    public Node node(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return node;
    }

    /**
     * @throws IOException when the file cannot be read, or is not a v4 graph a player can walk from start to finish
     */
    public static SimulationGraph load(Path graphJson) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(graphJson));
        String where = graphJson.toString();
        JsonNode eventMap = root.path("event_map");
        if (!eventMap.isObject() || eventMap.isEmpty() || !root.path("finish_event").canConvertToLong()) {
            throw new IOException(where + ": the simulation needs a graph.json v4 (event_map and finish_event)");
        }
        Map<String, String> nodeOfZone = new HashMap<>();
        Map<String, JsonNode> rawNodes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("nodes").properties()) {
            rawNodes.put(entry.getKey(), entry.getValue());
            for (JsonNode zone : entry.getValue().path("zones")) {
                nodeOfZone.putIfAbsent(zone.asText(), entry.getKey());
            }
        }
        Map<String, List<Gate>> exits = new HashMap<>();
        for (JsonNode connection : root.path("connections")) {
            long flag = connection.path("flag_id").asLong(-1);
            String from = nodeOfZone.get(connection.path("exit_area").asText());
            String to = eventMap.path(Long.toString(flag)).asText(null);
            if (from != null && to != null && rawNodes.containsKey(to)) {
                exits.computeIfAbsent(from, k -> new ArrayList<>()).add(new Gate(flag, to));
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        rawNodes.forEach((id, raw) -> nodes.put(id, new Node(id, raw.path("display_name").asText(id),
                raw.path("layer").asInt(), List.copyOf(exits.getOrDefault(id, List.of())))));
        if (nodes.isEmpty()) {
            throw new IOException(where + ": no nodes");
        }
        String start = pick(rawNodes, "start", Comparator.comparingInt(id -> nodes.get(id).layer()));
        String end = pick(rawNodes, "final_boss", Comparator.<String>comparingInt(id -> nodes.get(id).layer()).reversed());
        int totalLayers = root.path("total_layers").asInt(nodes.get(end).layer() + 1);
        SimulationGraph graph = new SimulationGraph(nodes, start, end, root.path("finish_event").asLong(), totalLayers);
        graph.checkReachable(where);
        return graph;
    }

    private static String pick(Map<String, JsonNode> raw, String type, Comparator<String> fallbackOrder) {
        return raw.keySet().stream().filter(id -> type.equals(raw.get(id).path("type").asText()))
                .findFirst()
                .orElseGet(() -> raw.keySet().stream().min(fallbackOrder).orElseThrow());
    }

    /** Every path from the start must be able to reach the final node, or the simulated player could get stuck. */
    private void checkReachable(String where) throws IOException {
        for (Node node : nodes.values()) {
            if (!node.id().equals(finalNode) && node.exits().isEmpty() && reachableFromStart(node.id())) {
                throw new IOException(where + ": node " + node.id() + " has no fog gate out (with a flag) and is not the final node");
            }
        }
    }

    private boolean reachableFromStart(String target) {
        List<String> todo = new ArrayList<>(List.of(startNode));
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (id.equals(target)) {
                return true;
            }
            for (Gate gate : nodes.get(id).exits()) {
                if (seen.add(gate.to())) {
                    todo.add(gate.to());
                }
            }
        }
        return false;
    }
}
