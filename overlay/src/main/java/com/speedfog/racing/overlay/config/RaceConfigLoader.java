package com.speedfog.racing.overlay.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code speedfog_race.toml}. Every problem is reported as one message that
 * names the field and says what it must be, since players fix these files by hand.
 */
public final class RaceConfigLoader {

    public static final String FILE_NAME = "speedfog_race.toml";

    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RaceConfigLoader() {
    }

    /** The config file meant by {@code fileOrFolder}: the path itself, or the file inside that folder. */
    public static Path locate(Path fileOrFolder) {
        return Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
    }

    /**
     * @throws InvalidConfigException naming the file and the first wrong field
     */
    public static RaceConfig load(Path fileOrFolder) {
        Path file = locate(fileOrFolder);
        String label = file.getFileName() == null ? FILE_NAME : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(FILE_NAME + " not found at " + file.toAbsolutePath()
                    + " (give the file, or the seed pack folder that holds it)");
        }
        JsonNode root = parse(file, label);
        Fields fields = new Fields(label);
        Section server = fields.section(root, "server", true, "it holds url, race_id and mod_token");
        Section overlay = fields.section(root, "overlay", false, "");
        Section keys = fields.section(root, "keybindings", false, "");
        return new RaceConfig(file, readServer(server), readOverlay(overlay), readKeybindings(keys));
    }

    private static JsonNode parse(Path file, String label) {
        try {
            JsonNode root = TOML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new InvalidConfigException(label + ": the file is empty");
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidConfigException(label + ": not valid TOML" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidConfigException(label + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static ServerSettings readServer(Section server) {
        String urlText = server.requiredString("url", "must be a ws:// or wss:// URL");
        URI url = parseWebSocketUrl(urlText).orElseThrow(() -> server.invalid("url", "must be a ws:// or wss:// URL", urlText));
        String raceIdText = server.requiredString("race_id", "must be a UUID like 123e4567-e89b-12d3-a456-426614174000");
        if (!UUID_TEXT.matcher(raceIdText.strip()).matches()) {
            throw server.invalid("race_id", "must be a UUID like 123e4567-e89b-12d3-a456-426614174000", raceIdText);
        }
        // The token is a secret: messages about it never repeat its value.
        String token = server.requiredSecret("mod_token");
        if (token.isBlank()) {
            throw server.problem("mod_token", "is empty: copy it from your seed pack");
        }
        if (token.strip().chars().anyMatch(Character::isWhitespace)) {
            throw server.problem("mod_token", "must not contain spaces or line breaks (was it copied whole?)");
        }
        return new ServerSettings(url, UUID.fromString(raceIdText.strip()), token.strip());
    }

    static Optional<URI> parseWebSocketUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static OverlaySettings readOverlay(Section overlay) {
        boolean enabled = overlay.optionalBoolean("enabled").orElse(OverlaySettings.DEFAULT_ENABLED);
        String fontRule = "must be a whole number from " + OverlaySettings.MIN_FONT_SIZE + " to " + OverlaySettings.MAX_FONT_SIZE;
        int fontSize = overlay.optionalInteger("font_size", fontRule)
                .map(size -> {
                    if (size < OverlaySettings.MIN_FONT_SIZE || size > OverlaySettings.MAX_FONT_SIZE) {
                        throw overlay.invalid("font_size", fontRule, Long.toString(size));
                    }
                    return size.intValue();
                })
                .orElse(OverlaySettings.DEFAULT_FONT_SIZE);
        String positionRule = "must be one of " + ScreenCorner.allNames();
        ScreenCorner position = overlay.optionalString("position", positionRule)
                .map(text -> ScreenCorner.fromConfigName(text).orElseThrow(() -> overlay.invalid("position", positionRule, text)))
                .orElse(OverlaySettings.DEFAULT_POSITION);
        String opacityRule = "must be a number from 0 to 1";
        double opacity = overlay.optionalNumber("background_opacity", opacityRule)
                .map(value -> {
                    if (!(value >= 0 && value <= 1)) {
                        throw overlay.invalid("background_opacity", opacityRule, Double.toString(value));
                    }
                    return value;
                })
                .orElse(OverlaySettings.DEFAULT_BACKGROUND_OPACITY);
        RgbColor text = color(overlay, "text_color", OverlaySettings.DEFAULT_TEXT_COLOR);
        RgbColor highlight = color(overlay, "highlight_color", OverlaySettings.DEFAULT_HIGHLIGHT_COLOR);
        return new OverlaySettings(enabled, fontSize, position, opacity, text, highlight);
    }

    private static RgbColor color(Section section, String key, RgbColor fallback) {
        String rule = "must be a colour written #RRGGBB";
        return section.optionalString(key, rule)
                .map(text -> RgbColor.parse(text.strip()).orElseThrow(() -> section.invalid(key, rule, text)))
                .orElse(fallback);
    }

    private static Keybindings readKeybindings(Section keys) {
        String toggleUi = key(keys, "toggle_ui", Keybindings.DEFAULT_TOGGLE_UI);
        String toggleExits = key(keys, "toggle_exits", Keybindings.DEFAULT_TOGGLE_EXITS);
        if (toggleUi.equals(toggleExits)) {
            throw keys.problem("toggle_exits", "must differ from keybindings.toggle_ui (both are '" + toggleUi + "')");
        }
        return new Keybindings(toggleUi, toggleExits);
    }

    private static String key(Section keys, String field, String fallback) {
        String rule = "must be a key name: " + Keybindings.ACCEPTED;
        return keys.optionalString(field, rule)
                .map(text -> Keybindings.normalize(text).orElseThrow(() -> keys.invalid(field, rule, text)))
                .orElse(fallback);
    }

    /** Builds messages that start with the file name. */
    private record Fields(String label) {

        Section section(JsonNode root, String name, boolean required, String purpose) {
            JsonNode node = root.get(name);
            if (node == null) {
                if (required) {
                    throw new InvalidConfigException(label + ": the [" + name + "] section is missing (" + purpose + ")");
                }
                return new Section(this, name, TOML.createObjectNode());
            }
            if (!node.isObject()) {
                throw new InvalidConfigException(label + ": " + name + " must be a [" + name + "] section (was "
                        + Section.describe(node) + ")");
            }
            return new Section(this, name, node);
        }
    }

    /** Typed access to one table's fields, failing with a message about the exact field. */
    private record Section(Fields fields, String name, JsonNode node) {

        InvalidConfigException problem(String key, String what) {
            return new InvalidConfigException(fields.label() + ": " + name + "." + key + " " + what);
        }

        InvalidConfigException invalid(String key, String rule, String was) {
            return problem(key, rule + " (was '" + was + "')");
        }

        String requiredString(String key, String rule) {
            JsonNode value = node.get(key);
            if (value == null) {
                throw problem(key, "is missing (it " + rule + ")");
            }
            if (!value.isTextual()) {
                throw invalid(key, rule, describe(value));
            }
            return value.textValue();
        }

        String requiredSecret(String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                throw problem(key, "is missing: copy it from your seed pack");
            }
            if (!value.isTextual()) {
                throw problem(key, "must be text in quotes");
            }
            return value.textValue();
        }

        Optional<String> optionalString(String key, String rule) {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw invalid(key, rule, describe(value));
            }
            return Optional.of(value.textValue());
        }

        Optional<Boolean> optionalBoolean(String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isBoolean()) {
                throw invalid(key, "must be true or false", describe(value));
            }
            return Optional.of(value.booleanValue());
        }

        Optional<Long> optionalInteger(String key, String rule) {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw invalid(key, rule, describe(value));
            }
            return Optional.of(value.longValue());
        }

        Optional<Double> optionalNumber(String key, String rule) {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isNumber()) {
                throw invalid(key, rule, describe(value));
            }
            return Optional.of(value.doubleValue());
        }

        static String describe(JsonNode value) {
            if (value.isObject()) {
                return "a table";
            }
            if (value.isArray()) {
                return "a list";
            }
            return value.asText();
        }
    }
}
