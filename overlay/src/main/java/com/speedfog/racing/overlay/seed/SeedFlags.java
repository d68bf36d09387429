package com.speedfog.racing.overlay.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event flags a SpeedFog seed (graph.json v4) sets: one per fog gate connection, naming the
 * node entered ({@code event_map}), and the one that means finished ({@code finish_event}).
 */
public record SeedFlags(Map<Long, String> nodeByFlag, OptionalLong finishEvent) {

    public static final String GRAPH_FILE = "graph.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public SeedFlags {
        nodeByFlag = Collections.unmodifiableMap(new LinkedHashMap<>(nodeByFlag));
    }

    /**
     * Reads the flags of {@code graphJson}. A v3 graph has neither field and gives no flags.
     *
     * @throws IOException when the file cannot be read or is not JSON
     */
    public static SeedFlags load(Path graphJson) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(graphJson));
        Map<Long, String> nodeByFlag = new LinkedHashMap<>();
        JsonNode eventMap = root.path("event_map");
        for (Map.Entry<String, JsonNode> entry : eventMap.properties()) {
            try {
                nodeByFlag.put(Long.parseLong(entry.getKey().strip()), entry.getValue().asText());
            } catch (NumberFormatException e) {
                throw new IOException(graphJson + ": event_map key '" + entry.getKey() + "' is not a flag id", e);
            }
        }
        JsonNode finish = root.path("finish_event");
        OptionalLong finishEvent = finish.canConvertToLong() && finish.isIntegralNumber()
                ? OptionalLong.of(finish.longValue())
                : OptionalLong.empty();
        return new SeedFlags(nodeByFlag, finishEvent);
    }

    /** Every flag worth watching: the connections' flags, then the finish flag. */
    public List<Long> allFlags() {
        List<Long> flags = new ArrayList<>(nodeByFlag.keySet());
        finishEvent.ifPresent(flag -> {
            if (!flags.contains(flag)) {
                flags.add(flag);
            }
        });
        return flags;
    }

    /** What a flag means, for people: the node it leads to, or "finish". */
    public String describe(long flag) {
        if (finishEvent.isPresent() && finishEvent.getAsLong() == flag) {
            return "finish";
        }
        return nodeByFlag.getOrDefault(flag, "?");
    }
}
