package com.speedfog.racing.overlay.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The shape of a seed as graph.json (v3 or v4) gives it: nodes with their fog.txt zones, the edges
 * between nodes, and the fog gate connections between zones.
 *
 * @param finishBossDefeatFlag graph.json's {@code finish_boss_defeat_flag}, when the seed names it
 */
public record ZoneGraph(String version, Map<String, Node> nodes, Map<String, Set<String>> successors,
                        List<Connection> connections, OptionalLong finishBossDefeatFlag) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node of the DAG; {@code zones} are fog.txt area names. */
    public record Node(String id, String type, String displayName, List<String> zones, int layer) {
        public Node {
            zones = List.copyOf(zones);
        }
    }

    /** A fog gate: leaving zone {@code exitArea} through {@code exitGate}, arriving in {@code entranceArea}. */
    public record Connection(String exitArea, String exitGate, String entranceArea, String entranceGate) {
    }

    public ZoneGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        successors.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        successors = Collections.unmodifiableMap(copy);
        connections = List.copyOf(connections);
    }

    /** @throws IOException when the file cannot be read, is not JSON, or has no nodes */
    public static ZoneGraph load(Path graphJson) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(graphJson));
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("nodes").properties()) {
            JsonNode raw = entry.getValue();
            List<String> zones = new ArrayList<>();
            raw.path("zones").forEach(z -> zones.add(z.asText()));
            nodes.put(entry.getKey(), new Node(entry.getKey(), raw.path("type").asText(""),
                    raw.path("display_name").asText(entry.getKey()), zones, raw.path("layer").asInt()));
        }
        if (nodes.isEmpty()) {
            throw new IOException(graphJson + ": no nodes");
        }
        Map<String, Set<String>> successors = new LinkedHashMap<>();
        for (JsonNode edge : root.path("edges")) {
            String from = edge.path("from").asText();
            String to = edge.path("to").asText();
            if (nodes.containsKey(from) && nodes.containsKey(to)) {
                successors.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
            }
        }
        List<Connection> connections = new ArrayList<>();
        for (JsonNode c : root.path("connections")) {
            connections.add(new Connection(c.path("exit_area").asText(), c.path("exit_gate").asText(),
                    c.path("entrance_area").asText(), c.path("entrance_gate").asText()));
        }
        JsonNode defeat = root.path("finish_boss_defeat_flag");
        return new ZoneGraph(root.path("version").asText(""), nodes, successors, connections,
                defeat.canConvertToLong() && defeat.isIntegralNumber() ? OptionalLong.of(defeat.longValue()) : OptionalLong.empty());
    }

    public Set<String> successorsOf(String node) {
        return successors.getOrDefault(node, Set.of());
    }

    public Set<String> predecessorsOf(String node) {
        Set<String> found = new LinkedHashSet<>();
        successors.forEach((from, to) -> {
            if (to.contains(node)) {
                found.add(from);
            }
        });
        return found;
    }

    /** The node of type {@code start} (the lowest layer if several). */
    public Optional<Node> start() {
        return ofType("start");
    }

    /** The node of type {@code final_boss} (the highest layer if several). */
    public Optional<Node> finalBoss() {
        return nodes.values().stream().filter(n -> n.type().equals("final_boss"))
                .max((a, b) -> Integer.compare(a.layer(), b.layer()));
    }

    private Optional<Node> ofType(String type) {
        return nodes.values().stream().filter(n -> n.type().equals(type))
                .min((a, b) -> Integer.compare(a.layer(), b.layer()));
    }
}
