package com.speedfog.racing.seeds.fog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of fog.txt we need, line by line. The file is YAML, but regular: top-level sections
 * ({@code Areas:}, {@code Entrances:}, {@code Warps:}, ...) hold lists of items starting with
 * {@code - Name:}, with item fields indented by two spaces and a gate's sides ({@code ASide:},
 * {@code BSide:}) holding their fields four spaces in; no value spans lines. No YAML library for the sake of a
 * dozen fields.
 */
final class FogTextReader {

    private static final Pattern SECTION = Pattern.compile("([A-Za-z]\\w*):\\s*");
    private static final Pattern ITEM_START = Pattern.compile("- Name: (.*)");
    private static final Pattern ITEM_FIELD = Pattern.compile(" {2}(\\w+):\\s*(.*)");
    private static final Pattern SIDE_FIELD = Pattern.compile(" {4}(\\w+):\\s*(.*)");
    private static final Pattern MAP_ID = Pattern.compile("m\\d{2}_\\d{2}_\\d{2}_\\d{2}");

    private final String label;

    FogTextReader(String label) {
        this.label = label;
    }

    /** One item of a section: its two-space fields, and the fields of its sides. */
    private record Item(String section, Map<String, String> fields, Map<String, Map<String, String>> sides) {
    }

    FogData read(InputStream in) throws IOException {
        List<Item> areas = new ArrayList<>();
        List<Item> gates = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String section = "";
        Item item = null;
        Map<String, String> side = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            Matcher matcher;
            if ((matcher = SECTION.matcher(line)).matches()) {
                section = matcher.group(1);
                item = null;
                continue;
            }
            boolean inGates = section.equals("Entrances") || section.equals("Warps");
            if (!section.equals("Areas") && !inGates) {
                continue;
            }
            if ((matcher = ITEM_START.matcher(line)).matches()) {
                item = new Item(section, new LinkedHashMap<>(), new HashMap<>());
                item.fields().put("Name", unquote(matcher.group(1)));
                (inGates ? gates : areas).add(item);
                side = null;
            } else if (item != null && (matcher = ITEM_FIELD.matcher(line)).matches()) {
                String key = matcher.group(1);
                side = key.equals("ASide") || key.equals("BSide")
                        ? item.sides().computeIfAbsent(key, k -> new LinkedHashMap<>()) : null;
                item.fields().putIfAbsent(key, unquote(matcher.group(2)));
            } else if (side != null && (matcher = SIDE_FIELD.matcher(line)).matches()) {
                side.putIfAbsent(matcher.group(1), unquote(matcher.group(2)));
            }
        }
        if (areas.isEmpty()) {
            throw new IllegalArgumentException(label + ": no areas found under 'Areas:': is this FogRando's fog.txt?");
        }
        return new FogData(areas.stream().map(this::area).toList(), gates.stream().map(FogTextReader::gate).toList());
    }

    private FogArea area(Item item) {
        Map<String, String> fields = item.fields();
        String name = fields.get("Name");
        OptionalLong defeatFlag = OptionalLong.empty();
        String flag = fields.getOrDefault("DefeatFlag", "");
        if (!flag.isEmpty()) {
            try {
                defeatFlag = OptionalLong.of(Long.parseLong(flag));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(label + ": area '" + name + "' has DefeatFlag '" + flag
                        + "', which is not a number");
            }
        }
        List<String> maps = words(fields.get("Maps")).stream().filter(word -> MAP_ID.matcher(word).matches()).toList();
        return new FogArea(name, fields.getOrDefault("Text", name), maps, new LinkedHashSet<>(words(fields.get("Tags"))),
                defeatFlag);
    }

    private static FogGate gate(Item item) {
        Map<String, String> fields = item.fields();
        String map = fields.getOrDefault("Area", "");
        String name = fields.get("Name");
        String fogId = map.isEmpty() ? name : map + "_" + name;
        FogGate.Kind kind = item.section().equals("Warps") ? FogGate.Kind.WARP : FogGate.Kind.FOG_GATE;
        return new FogGate(fogId, kind, fields.getOrDefault("ID", name), map, fields.getOrDefault("Text", ""),
                side(item.sides().get("ASide")), side(item.sides().get("BSide")),
                new LinkedHashSet<>(words(fields.get("Tags"))));
    }

    private static GateSide side(Map<String, String> fields) {
        if (fields == null) {
            return GateSide.NONE;
        }
        String destination = fields.getOrDefault("DestinationMap", "");
        return new GateSide(fields.getOrDefault("Area", ""), fields.getOrDefault("Text", ""),
                MAP_ID.matcher(destination).matches() ? Optional.of(destination) : Optional.empty());
    }

    private static List<String> words(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.asList(value.strip().split("\\s+"));
    }

    /** YAML scalars: 'single quoted' with '' for a quote, "double quoted", or plain. */
    static String unquote(String raw) {
        String value = raw.strip();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
