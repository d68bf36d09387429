package com.speedfog.racing.seeds.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of fog.txt we need, line by line. The file is YAML, but regular: top-level sections
 * ({@code Areas:}, {@code Entrances:}, {@code Warps:}, ...) hold lists of items starting with
 * {@code - Name:}, with item fields indented by two spaces and a gate's sides ({@code ASide:},
 * {@code BSide:}) holding their {@code Area:} four spaces in. A YAML library would be a dependency for
 * the sake of four fields.
 */
final class FogTextReader {

    private static final Pattern SECTION = Pattern.compile("([A-Za-z]\\w*):\\s*");
    private static final Pattern ITEM_START = Pattern.compile("- Name: (.*)");
    private static final Pattern ITEM_FIELD = Pattern.compile(" {2}(\\w+):\\s*(.*)");
    private static final Pattern SIDE_AREA = Pattern.compile(" {4}Area: (.*)");

    private final String label;

    FogTextReader(String label) {
        this.label = label;
    }

    FogData read(InputStream in) throws IOException {
        List<Map<String, String>> areas = new ArrayList<>();
        List<Map<String, String>> gates = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String section = "";
        Map<String, String> item = null;
        String side = null;
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
                item = new LinkedHashMap<>();
                item.put("Name", unquote(matcher.group(1)));
                (inGates ? gates : areas).add(item);
                side = null;
            } else if (item != null && (matcher = ITEM_FIELD.matcher(line)).matches()) {
                String key = matcher.group(1);
                side = key.equals("ASide") || key.equals("BSide") ? key : null;
                item.putIfAbsent(key, unquote(matcher.group(2)));
            } else if (item != null && side != null && (matcher = SIDE_AREA.matcher(line)).matches()) {
                item.put(side + ".Area", unquote(matcher.group(1)));
            }
        }
        if (areas.isEmpty()) {
            throw new IllegalArgumentException(label + ": no areas found under 'Areas:': is this FogRando's fog.txt?");
        }
        return new FogData(areas.stream().map(this::area).toList(), gates.stream().map(FogTextReader::gate).toList());
    }

    private FogArea area(Map<String, String> fields) {
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
        return new FogArea(name, fields.getOrDefault("Text", name), words(fields.get("Maps")),
                new LinkedHashSet<>(words(fields.get("Tags"))), defeatFlag);
    }

    private static FogGate gate(Map<String, String> fields) {
        String map = fields.getOrDefault("Area", "");
        String name = fields.get("Name");
        String fogId = map.isEmpty() ? name : map + "_" + name;
        Set<String> tags = new LinkedHashSet<>(words(fields.get("Tags")));
        return new FogGate(fogId, fields.getOrDefault("Text", ""), fields.getOrDefault("ASide.Area", ""),
                fields.getOrDefault("BSide.Area", ""), tags);
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
