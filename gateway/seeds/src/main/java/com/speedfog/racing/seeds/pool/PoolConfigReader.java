package com.speedfog.racing.seeds.pool;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads config.toml; every problem becomes one message naming the file and the field. */
final class PoolConfigReader {

    private static final TomlMapper TOML = new TomlMapper();

    // "~1h", "1h30", "1 h 30 min", "2 hours", "~45min", "90 minutes", "90": the "~" only says "about".
    private static final Pattern HOURS_AND_MINUTES = Pattern.compile(
            "(\\d+)\\s*h(?:ours?|rs?)?\\s*(?:(\\d+)\\s*(?:m|mins?|minutes?)?)?");
    private static final Pattern MINUTES = Pattern.compile("(\\d+)\\s*(?:m|mins?|minutes?)?");
    private static final String DURATION_RULE =
            "must be a number of minutes (90) or a text like \"~1h\", \"~45min\", \"1h30\"";

    private PoolConfigReader() {
    }

    static PoolConfig read(Path file) {
        String label = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidPoolConfigException(label + ": not found (a pool folder needs a config.toml with at least display_name)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, label);
        } catch (IOException e) {
            throw new InvalidPoolConfigException(label + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static PoolConfig parse(InputStream toml, String label) {
        JsonNode root = parseToml(toml, label);
        JsonNode displayName = root.get("display_name");
        if (displayName == null) {
            throw problem(label, "display_name is missing (the pool's name shown to organizers, e.g. display_name = \"Standard (~1h)\")");
        }
        if (!displayName.isTextual() || displayName.textValue().isBlank()) {
            throw problem(label, "display_name must be a non-empty text in quotes (was " + describe(displayName) + ")");
        }
        JsonNode description = root.get("description");
        if (description != null && !description.isTextual()) {
            throw problem(label, "description must be a text in quotes (was " + describe(description) + ")");
        }
        return new PoolConfig(displayName.textValue().strip(), description == null ? "" : description.textValue().strip(),
                estimatedDuration(root.get("estimated_duration"), label), settings(root.get("settings"), label));
    }

    private static JsonNode parseToml(InputStream toml, String label) {
        try {
            JsonNode root = TOML.readTree(toml);
            if (root == null || !root.isObject()) {
                throw problem(label, "the file is empty (it needs at least display_name = \"...\")");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidPoolConfigException(label + ": not valid TOML" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPoolConfigException(label + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<Duration> estimatedDuration(JsonNode value, String label) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return Optional.of(positive(value.longValue(), value, label));
        }
        if (!value.isTextual()) {
            throw problem(label, "estimated_duration " + DURATION_RULE + " (was " + describe(value) + ")");
        }
        String text = value.textValue().strip().toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("~")) {
            text = text.substring(1).strip();
        }
        Matcher hours = HOURS_AND_MINUTES.matcher(text);
        if (hours.matches()) {
            long minutes = Long.parseLong(hours.group(1)) * 60 + (hours.group(2) == null ? 0 : Long.parseLong(hours.group(2)));
            return Optional.of(positive(minutes, value, label));
        }
        Matcher minutes = MINUTES.matcher(text);
        if (minutes.matches()) {
            return Optional.of(positive(Long.parseLong(minutes.group(1)), value, label));
        }
        throw problem(label, "estimated_duration " + DURATION_RULE + " (was " + describe(value) + ")");
    }

    private static Duration positive(long minutes, JsonNode value, String label) {
        if (minutes <= 0 || minutes > 7 * 24 * 60) {
            throw problem(label, "estimated_duration must be more than 0 minutes and at most a week (was " + describe(value) + ")");
        }
        return Duration.ofMinutes(minutes);
    }

    private static Map<String, Object> settings(JsonNode value, String label) {
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw problem(label, "settings must be a [settings] table of key = value lines (was " + describe(value) + ")");
        }
        return table(value);
    }

    private static Map<String, Object> table(JsonNode object) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            result.put(field.getKey(), plain(field.getValue()));
        }
        return result;
    }

    /** TOML values as plain Java: integers as Long, floats as Double, so callers see one type per kind. */
    private static Object plain(JsonNode value) {
        if (value.isObject()) {
            return table(value);
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return List.copyOf(items);
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a table";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "\"" + value.textValue() + "\"";
        }
        return value.asText();
    }

    private static InvalidPoolConfigException problem(String label, String what) {
        return new InvalidPoolConfigException(label + ": " + what);
    }
}
