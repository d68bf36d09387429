package com.speedfog.racing.overlay.simulate;

import com.speedfog.racing.seeds.graph.Connection;
import com.speedfog.racing.seeds.graph.InvalidSeedGraphException;
import com.speedfog.racing.seeds.graph.SeedGraph;

import java.io.IOException;
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
 * What the simulated player needs of a seed (graph.json v4, read by the {@code seeds} module): the nodes,
 * and for each node the fog gates leading out of it with the event flag each one sets. Gates come from
 * {@code connections} (exit zone → flag), the node entered from {@code event_map[flag]}.
 */
public record SimulationGraph(Map<String, Node> nodes, String startNode, String finalNode, long finishEvent,
                              int totalLayers) {

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
        try {
            return of(SeedGraph.parse(graphJson), graphJson.toString());
        } catch (InvalidSeedGraphException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * @param where names the seed in error messages
     * @throws IOException when the seed is not a v4 graph a player can walk from start to finish
     */
    public static SimulationGraph of(SeedGraph seed, String where) throws IOException {
        if (!seed.hasEventFlags()) {
            throw new IOException(where + ": the simulation needs a graph.json v4 (event_map and finish_event)");
        }
        Map<String, String> nodeOfZone = new HashMap<>();
        for (com.speedfog.racing.seeds.graph.Node node : seed.nodes()) {
            node.zones().forEach(zone -> nodeOfZone.putIfAbsent(zone, node.id()));
        }
        Map<String, List<Gate>> exits = new HashMap<>();
        for (Connection connection : seed.connections()) {
            if (connection.flagId().isEmpty()) {
                continue;
            }
            long flag = connection.flagId().getAsLong();
            String from = nodeOfZone.get(connection.exitArea());
            String to = seed.eventMap().get(flag);
            if (from != null && to != null) {
                exits.computeIfAbsent(from, k -> new ArrayList<>()).add(new Gate(flag, to));
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (com.speedfog.racing.seeds.graph.Node node : seed.nodes()) {
            nodes.put(node.id(), new Node(node.id(), node.displayName(), node.layer(),
                    List.copyOf(exits.getOrDefault(node.id(), List.of()))));
        }
        String end = seed.finalNode().map(com.speedfog.racing.seeds.graph.Node::id).orElseGet(() -> seed.nodes().stream()
                .max(Comparator.comparingInt(com.speedfog.racing.seeds.graph.Node::layer)).orElseThrow().id());
        SimulationGraph graph = new SimulationGraph(nodes, seed.startNode().id(), end, seed.finishEvent().getAsLong(),
                seed.totalLayers());
        graph.checkReachable(where);
        return graph;
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
