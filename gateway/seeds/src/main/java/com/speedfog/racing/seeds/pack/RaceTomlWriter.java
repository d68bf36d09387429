package com.speedfog.racing.seeds.pack;

/** Writes {@code speedfog_race.toml}, the file the overlay reads from the folder it is given. */
public final class RaceTomlWriter {

    private RaceTomlWriter() {
    }

    public static String render(RacePackSettings settings) {
        return """
                # SpeedFog Racing: your personal race settings. Keep mod_token to yourself: it lets the overlay
                # report your run in this race.

                [server]
                url = %s  # base WebSocket URL of the server; the overlay appends /ws/mod/<race_id>
                race_id = %s
                mod_token = %s

                [overlay]
                enabled = %s
                font_size = %d
                position = %s  # top-left | top-right | bottom-left | bottom-right
                background_opacity = %s
                text_color = %s
                highlight_color = %s

                [keybindings]
                toggle_ui = %s
                toggle_exits = %s
                """.formatted(
                quoted(settings.serverUrl()),
                quoted(settings.raceId().toString()),
                quoted(settings.modToken()),
                settings.overlayEnabled(),
                settings.fontSize(),
                quoted(settings.position()),
                Double.toString(settings.backgroundOpacity()),
                quoted(settings.textColor()),
                quoted(settings.highlightColor()),
                quoted(settings.toggleUi()),
                quoted(settings.toggleExits()));
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
