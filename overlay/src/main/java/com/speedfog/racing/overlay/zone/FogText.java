package com.speedfog.racing.overlay.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the overlay needs of FogRando's fog.txt: every area with its maps and boss defeat flag, and for
 * each gate (named as graph.json names them, {@code <map>_<name or id>}) the map a player arrives in
 * through it. v3 seeds carry no zone data of their own: the overlay reads the copy of fog.txt that the
 * {@code seeds} module holds for the synthetic generator (one copy in the project).
 *
 * @param arrivalMaps gate name → map id where the player stands after coming through it
 */
public record FogText(Map<String, FogArea> areas, Map<String, String> arrivalMaps) {

    public static final String BUNDLED = "/com/speedfog/racing/seeds/synthetic/fog.txt";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MAP_ID = "m\\d{2}_\\d{2}_\\d{2}_\\d{2}";
    private static volatile FogText bundled;

    public FogText {
        areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
        arrivalMaps = Map.copyOf(arrivalMaps);
    }

    /** The fog.txt shipped with the overlay, read once (about half a second). */
    public static FogText bundled() {
        FogText text = bundled;
        if (text == null) {
            try (InputStream in = FogText.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IOException("missing resource " + BUNDLED);
                }
                text = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled fog.txt", e);
            }
            bundled = text;
        }
        return text;
    }

    public static FogText read(InputStream in) throws IOException {
        JsonNode root = YAML.readTree(in);
        if (root == null || !root.path("Areas").isArray()) {
            throw new IOException("not a fog.txt: no Areas list");
        }
        Map<String, FogArea> areas = new LinkedHashMap<>();
        for (JsonNode area : root.path("Areas")) {
            String name = area.path("Name").asText("");
            if (!name.isEmpty()) {
                areas.put(name, new FogArea(name, area.path("Text").asText(name), mapIds(words(area.path("Maps"))),
                        flag(area.path("DefeatFlag")), new HashSet<>(words(area.path("Tags")))));
            }
        }
        Map<String, String> arrivals = new LinkedHashMap<>();
        // A fog gate: the player comes out beside it, in the map that holds it.
        for (JsonNode gate : root.path("Entrances")) {
            String map = gate.path("Area").asText("");
            arrivals.putIfAbsent(map + "_" + gate.path("Name").asText(), map);
        }
        // A warp: the player arrives in its destination map, not where its asset stands.
        for (JsonNode warp : root.path("Warps")) {
            String map = warp.path("Area").asText("");
            String destination = warp.path("BSide").path("DestinationMap").asText(map);
            arrivals.putIfAbsent(map + "_" + warp.path("ID").asText(warp.path("Name").asText()), destination);
        }
        return new FogText(areas, arrivals);
    }

    public Optional<FogArea> area(String name) {
        return Optional.ofNullable(areas.get(name));
    }

    /**
     * Where a player stands after coming through {@code gate}: fog.txt's answer, else the map its name
     * starts with (graph.json names gates {@code m60_35_50_00_AEG099_003_9000}).
     */
    public Optional<String> arrivalMap(String gate) {
        String known = arrivalMaps.get(gate);
        if (known != null) {
            return Optional.of(known);
        }
        return gate != null && gate.matches(MAP_ID + "(_.*)?")
                ? Optional.of(gate.substring(0, 12)) : Optional.empty();
    }

    private static List<String> words(JsonNode value) {
        String text = value.isMissingNode() || value.isNull() ? "" : value.asText("").strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    private static List<String> mapIds(List<String> words) {
        return words.stream().filter(w -> w.matches(MAP_ID)).toList();
    }

    private static OptionalLong flag(JsonNode value) {
        return value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

    /** The areas FogRando tags as the game's final boss (Elden Beast), in file order. */
    public List<FogArea> finalBossAreas() {
        return areas.values().stream().filter(a -> a.tags().contains("final")).toList();
    }
}
