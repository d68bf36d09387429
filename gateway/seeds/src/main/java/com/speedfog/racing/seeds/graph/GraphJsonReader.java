package com.speedfog.racing.seeds.graph;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns graph.json into a {@link SeedGraph}, checking what the server relies on and saying exactly what is
 * wrong otherwise. Fields it does not use (weights, connections, starting items, ...) are ignored.
 */
final class GraphJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;

    GraphJsonReader(String label) {
        this.label = label;
    }

    SeedGraph read(InputStream json) {
        JsonNode root = parse(json);
        long seedNumber = requiredLong(root, "seed", "the seed number");
        int totalLayers = (int) requiredLong(root, "total_layers", "the number of layers, start and final included");
        if (totalLayers < 1) {
            throw problem("total_layers is " + totalLayers + ": it must be 1 or more");
        }
        List<Node> nodes = readNodes(root, totalLayers);
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(node -> nodeIds.add(node.id()));
        checkExitTargets(nodes, nodeIds);
        checkSingleStart(nodes);
        List<Edge> edges = readEdges(root, nodeIds);
        List<Connection> connections = readConnections(root);
        Map<Long, String> eventMap = readEventMap(root, nodeIds);
        OptionalLong finishEvent = optionalLong(root, "finish_event");
        if (finishEvent.isPresent() && eventMap.containsKey(finishEvent.getAsLong())) {
            throw problem("finish_event " + finishEvent.getAsLong() + " is also in event_map (node '"
                    + eventMap.get(finishEvent.getAsLong()) + "'): one flag cannot mean both");
        }
        return new SeedGraph(text(root.get("version")), seedNumber, totalLayers, nodes, edges, connections, eventMap, finishEvent,
                optionalLong(root, "final_node_flag"), optionalLong(root, "finish_boss_defeat_flag"));
    }

    private JsonNode parse(InputStream json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw problem("the file is empty");
            }
            if (!root.isObject()) {
                throw problem("must be a JSON object with 'nodes' and 'edges' (was " + describe(root) + ")");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidSeedGraphException(label + ": not valid JSON" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidSeedGraphException(label + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private List<Node> readNodes(JsonNode root, int totalLayers) {
        JsonNode nodes = root.get("nodes");
        if (nodes == null) {
            throw problem("'nodes' is missing (an object of node id -> node)");
        }
        if (!nodes.isObject()) {
            throw problem("'nodes' must be an object of node id -> node (was " + describe(nodes) + ")");
        }
        if (nodes.isEmpty()) {
            throw problem("'nodes' is empty: a seed has at least a start node");
        }
        List<Node> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : nodes.properties()) {
            result.add(readNode(field.getKey(), field.getValue(), totalLayers));
        }
        return result;
    }

    private Node readNode(String id, JsonNode node, int totalLayers) {
        String where = "node '" + id + "'";
        if (!node.isObject()) {
            throw problem(where + " must be an object (was " + describe(node) + ")");
        }
        JsonNode displayName = node.get("display_name");
        if (displayName == null || !displayName.isTextual() || displayName.textValue().isBlank()) {
            throw problem(where + " has no display_name");
        }
        JsonNode layerNode = node.get("layer");
        if (layerNode == null || layerNode.isNull()) {
            throw problem(where + " has no layer");
        }
        if (!layerNode.canConvertToInt() || !layerNode.isIntegralNumber() || layerNode.intValue() < 0) {
            throw problem(where + " has layer " + describe(layerNode) + ": it must be a whole number from 0");
        }
        int layer = layerNode.intValue();
        if (layer >= totalLayers) {
            throw problem(where + " has layer " + layer + " but total_layers is " + totalLayers
                    + " (layers run from 0 to " + (totalLayers - 1) + ")");
        }
        JsonNode tierNode = node.get("tier");
        if (tierNode != null && !tierNode.isNull() && (!tierNode.isIntegralNumber() || !tierNode.canConvertToInt())) {
            throw problem(where + " has tier " + describe(tierNode) + ": it must be a whole number");
        }
        int tier = tierNode == null || tierNode.isNull() ? 0 : tierNode.intValue();
        return new Node(id, displayName.textValue(), text(node.get("type")), readZones(where, node.get("zones")),
                layer, tier, readExits(where, node.get("exits")));
    }

    private List<String> readZones(String where, JsonNode zones) {
        if (zones == null || zones.isNull()) {
            return List.of();
        }
        if (!zones.isArray()) {
            throw problem(where + " zones must be a list of zone names (was " + describe(zones) + ")");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode zone : zones) {
            if (!zone.isTextual() || zone.textValue().isBlank()) {
                throw problem(where + " zones must be a list of zone names (found " + describe(zone) + ")");
            }
            result.add(zone.textValue());
        }
        return result;
    }

    private List<Exit> readExits(String where, JsonNode exits) {
        if (exits == null || exits.isNull()) {
            return List.of();
        }
        if (!exits.isArray()) {
            throw problem(where + " exits must be a list (was " + describe(exits) + ")");
        }
        List<Exit> result = new ArrayList<>();
        int index = 0;
        for (JsonNode exit : exits) {
            index++;
            String exitWhere = where + " exit " + index;
            if (!exit.isObject()) {
                throw problem(exitWhere + " must be an object with fog_id, text, from and to");
            }
            String to = text(exit.get("to"));
            if (to.isEmpty()) {
                throw problem(exitWhere + " has no 'to' (the node id it leads to)");
            }
            result.add(new Exit(text(exit.get("fog_id")), text(exit.get("text")), text(exit.get("from")), to));
        }
        return result;
    }

    private void checkExitTargets(List<Node> nodes, Set<String> nodeIds) {
        for (Node node : nodes) {
            int index = 0;
            for (Exit exit : node.exits()) {
                index++;
                if (!nodeIds.contains(exit.toNodeId())) {
                    throw problem("node '" + node.id() + "' exit " + index + " goes to unknown node '"
                            + exit.toNodeId() + "'");
                }
            }
        }
    }

    private void checkSingleStart(List<Node> nodes) {
        List<String> starts = nodes.stream().filter(Node::isStart).map(Node::id).toList();
        if (starts.isEmpty()) {
            throw problem("no node at layer 0: a seed starts from one node at layer 0 (the Chapel of Anticipation)");
        }
        if (starts.size() > 1) {
            throw problem(starts.size() + " nodes at layer 0 (" + String.join(", ", starts)
                    + "): a seed has exactly one start node");
        }
    }

    private List<Edge> readEdges(JsonNode root, Set<String> nodeIds) {
        JsonNode edges = root.get("edges");
        if (edges == null) {
            throw problem("'edges' is missing (a list of {\"from\": node id, \"to\": node id})");
        }
        if (!edges.isArray()) {
            throw problem("'edges' must be a list of {\"from\": node id, \"to\": node id} (was " + describe(edges) + ")");
        }
        List<Edge> result = new ArrayList<>();
        int index = 0;
        for (JsonNode edge : edges) {
            index++;
            if (!edge.isObject()) {
                throw problem("edge " + index + " must be an object with from and to (was " + describe(edge) + ")");
            }
            String from = text(edge.get("from"));
            String to = text(edge.get("to"));
            if (from.isEmpty() || to.isEmpty()) {
                throw problem("edge " + index + " needs both 'from' and 'to' node ids");
            }
            if (!nodeIds.contains(from)) {
                throw problem("edge " + index + " from unknown node '" + from + "'");
            }
            if (!nodeIds.contains(to)) {
                throw problem("edge " + index + " to unknown node '" + to + "'");
            }
            result.add(new Edge(from, to));
        }
        return result;
    }

    private List<Connection> readConnections(JsonNode root) {
        JsonNode connections = root.get("connections");
        if (connections == null || connections.isNull()) {
            return List.of();
        }
        if (!connections.isArray()) {
            throw problem("'connections' must be a list of fog gates (was " + describe(connections) + ")");
        }
        List<Connection> result = new ArrayList<>();
        int index = 0;
        for (JsonNode connection : connections) {
            index++;
            if (!connection.isObject()) {
                throw problem("connection " + index + " must be an object with exit_area, exit_gate, entrance_area and entrance_gate");
            }
            String where = "connection " + index;
            result.add(new Connection(text(connection.get("exit_area")), text(connection.get("exit_gate")),
                    text(connection.get("entrance_area")), text(connection.get("entrance_gate")),
                    optionalLong(connection, "flag_id", where)));
        }
        return result;
    }

    private Map<Long, String> readEventMap(JsonNode root, Set<String> nodeIds) {
        JsonNode eventMap = root.get("event_map");
        Map<Long, String> result = new LinkedHashMap<>();
        if (eventMap == null || eventMap.isNull()) {
            return result;
        }
        if (!eventMap.isObject()) {
            throw problem("event_map must be an object of flag id -> node id (was " + describe(eventMap) + ")");
        }
        for (Map.Entry<String, JsonNode> field : eventMap.properties()) {
            long flag;
            try {
                flag = Long.parseLong(field.getKey().strip());
            } catch (NumberFormatException e) {
                throw problem("event_map key '" + field.getKey() + "' is not a flag id (a whole number)");
            }
            String nodeId = text(field.getValue());
            if (!nodeIds.contains(nodeId)) {
                throw problem("event_map flag " + flag + " names unknown node '" + nodeId + "'");
            }
            result.put(flag, nodeId);
        }
        return result;
    }

    private long requiredLong(JsonNode root, String field, String meaning) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw problem("'" + field + "' is missing (" + meaning + ")");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw problem("'" + field + "' must be a whole number (was " + describe(value) + ")");
        }
        return value.longValue();
    }

    private OptionalLong optionalLong(JsonNode root, String field) {
        return optionalLong(root, field, "");
    }

    private OptionalLong optionalLong(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw problem((where.isEmpty() ? "" : where + " ") + "'" + field + "' must be a whole number (was "
                    + describe(value) + ")");
        }
        return OptionalLong.of(value.longValue());
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return "";
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.textValue() + "'";
        }
        return value.asText();
    }

    private InvalidSeedGraphException problem(String what) {
        return new InvalidSeedGraphException(label + ": " + what);
    }
}
