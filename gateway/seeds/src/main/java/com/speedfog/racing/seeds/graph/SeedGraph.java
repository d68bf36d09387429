package com.speedfog.racing.seeds.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A seed's DAG as read from SpeedFog's {@code graph.json} (versions 3 and 4), with the lookups needed to
 * check what a mod reports: which node a zone name or an event flag means, its layer, and the finish.
 * Immutable; build it with {@link #parse(Path)} or {@link #parse(InputStream, String)}.
 */
public final class SeedGraph {

    /** The file name SpeedFog gives the graph inside a seed. */
    public static final String FILE_NAME = "graph.json";

    private final String version;
    private final long seedNumber;
    private final int totalLayers;
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<Connection> connections;
    private final Map<Long, String> eventMap;
    private final OptionalLong finishEvent;
    private final OptionalLong finalNodeFlag;
    private final OptionalLong finishBossDefeatFlag;

    private final Map<String, Node> nodesById = new HashMap<>();
    private final Map<String, Node> nodesByZone = new HashMap<>();
    private final Map<String, List<Edge>> edgesFrom = new HashMap<>();
    private final Map<String, List<Edge>> edgesTo = new HashMap<>();
    private final Node start;

    SeedGraph(String version, long seedNumber, int totalLayers, List<Node> nodes, List<Edge> edges,
              List<Connection> connections, Map<Long, String> eventMap, OptionalLong finishEvent, OptionalLong finalNodeFlag,
              OptionalLong finishBossDefeatFlag) {
        this.version = version;
        this.seedNumber = seedNumber;
        this.totalLayers = totalLayers;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.connections = List.copyOf(connections);
        this.eventMap = Collections.unmodifiableMap(new LinkedHashMap<>(eventMap));
        this.finishEvent = finishEvent;
        this.finalNodeFlag = finalNodeFlag;
        this.finishBossDefeatFlag = finishBossDefeatFlag;
        for (Node node : this.nodes) {
            nodesById.put(node.id(), node);
        }
        // A node id wins over a zone of the same name; a zone listed twice belongs to the first node.
        for (Node node : this.nodes) {
            for (String zone : node.zones()) {
                if (!nodesById.containsKey(zone)) {
                    nodesByZone.putIfAbsent(zone, node);
                }
            }
        }
        for (Edge edge : this.edges) {
            edgesFrom.computeIfAbsent(edge.from(), from -> new ArrayList<>()).add(edge);
            edgesTo.computeIfAbsent(edge.to(), to -> new ArrayList<>()).add(edge);
        }
        this.start = this.nodes.stream().filter(Node::isStart).findFirst().orElseThrow();
    }

    /**
     * Reads a graph.json file.
     *
     * @throws InvalidSeedGraphException when the file is missing, unreadable or not a valid seed graph
     */
    public static SeedGraph parse(Path file) {
        String label = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, label);
        } catch (NoSuchFileException e) {
            throw new InvalidSeedGraphException(label + ": file not found");
        } catch (IOException e) {
            throw new InvalidSeedGraphException(label + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads graph.json content. {@code label} names the source in error messages (e.g. "standard/seed_1/graph.json").
     *
     * @throws InvalidSeedGraphException when the content is not a valid seed graph
     */
    public static SeedGraph parse(InputStream json, String label) {
        return new GraphJsonReader(label).read(json);
    }

    public String version() {
        return version;
    }

    public long seedNumber() {
        return seedNumber;
    }

    public int totalLayers() {
        return totalLayers;
    }

    /** Every node, in the order of the file. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The fog gates between zones, as {@code connections} lists them; empty when the graph has none. */
    public List<Connection> connections() {
        return connections;
    }

    /** Event flag id to node id (graph v4); empty for v3 graphs. */
    public Map<Long, String> eventMap() {
        return eventMap;
    }

    /** The flag the mod sets when the final boss is defeated (graph v4). */
    public OptionalLong finishEvent() {
        return finishEvent;
    }

    /** The flag set on entering the final node (graph v4). */
    public OptionalLong finalNodeFlag() {
        return finalNodeFlag;
    }

    /** The game's own defeat flag of the final boss (graph v4). */
    public OptionalLong finishBossDefeatFlag() {
        return finishBossDefeatFlag;
    }

    /** Whether mods may report progress as event flags: the graph has an {@code event_map} and a {@code finish_event}. */
    public boolean hasEventFlags() {
        return !eventMap.isEmpty() && finishEvent.isPresent();
    }

    /** Every flag a mod should watch: the {@code event_map} flags, then the finish event. */
    public List<Long> eventIds() {
        List<Long> ids = new ArrayList<>(eventMap.keySet());
        finishEvent.ifPresent(ids::add);
        return List.copyOf(ids);
    }

    public SeedSummary summary() {
        return new SeedSummary(version, seedNumber, totalLayers, nodes.size(), hasEventFlags());
    }

    public Optional<Node> node(String nodeId) {
        return Optional.ofNullable(nodesById.get(nodeId));
    }

    /** The node meant by a mod's zone: a node id, or a zone name listed in a node's {@code zones}. */
    public Optional<Node> resolveZone(String nodeIdOrZone) {
        Node byId = nodesById.get(nodeIdOrZone);
        return byId != null ? Optional.of(byId) : Optional.ofNullable(nodesByZone.get(nodeIdOrZone));
    }

    /** The node entered when this event flag is set (graph v4); empty for the finish event and unknown flags. */
    public Optional<Node> nodeForFlag(long flagId) {
        String nodeId = eventMap.get(flagId);
        return nodeId == null ? Optional.empty() : node(nodeId);
    }

    /** Whether this flag means the player finished (the final boss is defeated). */
    public boolean isFinish(long flagId) {
        return finishEvent.isPresent() && finishEvent.getAsLong() == flagId;
    }

    /** The node at layer 0, where every run begins. */
    public Node startNode() {
        return start;
    }

    /** The node of type {@code final_boss}, else the only node on the last layer, if there is one. */
    public Optional<Node> finalNode() {
        Optional<Node> finalBoss = nodes.stream().filter(node -> node.type().equals("final_boss")).findFirst();
        if (finalBoss.isPresent()) {
            return finalBoss;
        }
        List<Node> last = nodes.stream().filter(node -> node.layer() == totalLayers - 1).toList();
        return last.size() == 1 ? Optional.of(last.get(0)) : Optional.empty();
    }

    /** The layer of the node meant by a node id or zone name. */
    public OptionalInt layerOf(String nodeIdOrZone) {
        return resolveZone(nodeIdOrZone).map(node -> OptionalInt.of(node.layer())).orElse(OptionalInt.empty());
    }

    /**
     * The ways out of a node (given by node id or zone name) with the node each leads to. A v4 graph lists
     * them with their fog gates; for a v3 graph, which has none, each outgoing edge becomes an exit with an
     * empty fog id. Empty for an unknown node and for the final node.
     */
    public List<ResolvedExit> exitsOf(String nodeIdOrZone) {
        Optional<Node> found = resolveZone(nodeIdOrZone);
        if (found.isEmpty()) {
            return List.of();
        }
        Node node = found.get();
        List<ResolvedExit> exits = new ArrayList<>();
        if (!node.exits().isEmpty()) {
            for (Exit exit : node.exits()) {
                exits.add(new ResolvedExit(exit, nodesById.get(exit.toNodeId())));
            }
            return List.copyOf(exits);
        }
        String fromZone = node.zones().isEmpty() ? node.id() : node.zones().get(0);
        for (Edge edge : edgesFrom.getOrDefault(node.id(), List.of())) {
            Node target = nodesById.get(edge.to());
            exits.add(new ResolvedExit(new Exit("", "fog gate to " + target.displayName(), fromZone, target.id()), target));
        }
        return List.copyOf(exits);
    }

    /** The nodes one edge away from this node id, each once. */
    public List<Node> successors(String nodeId) {
        return edgesFrom.getOrDefault(nodeId, List.of()).stream().map(edge -> nodesById.get(edge.to())).distinct().toList();
    }

    /** The nodes with an edge to this node id, each once. */
    public List<Node> predecessors(String nodeId) {
        return edgesTo.getOrDefault(nodeId, List.of()).stream().map(edge -> nodesById.get(edge.from())).distinct().toList();
    }

    /** The {@code event_map} flag, or the finish event, described for people: the node it enters, or "finish". */
    public String describeFlag(long flagId) {
        if (isFinish(flagId)) {
            return "finish";
        }
        String nodeId = eventMap.get(flagId);
        return nodeId == null ? "?" : nodeId;
    }

    @Override
    public String toString() {
        return "SeedGraph[seed " + seedNumber + ", version " + version + ", " + nodes.size() + " nodes, "
                + totalLayers + " layers]";
    }
}
