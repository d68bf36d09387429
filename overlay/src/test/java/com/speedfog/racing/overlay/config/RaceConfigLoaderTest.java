package com.speedfog.racing.overlay.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RaceConfigLoaderTest {

    private static final String SERVER = """
            [server]
            url = "wss://race.example.org/ws"
            race_id = "3f2b8c1e-9d4a-4e6b-8f1c-2a7d5e9b0c31"
            mod_token = "tok_8f3a9c2e71d54b6f"
            """;

    @TempDir
    Path folder;

    @Test
    void readsACompleteFile() throws IOException {
        write(SERVER + """
                [overlay]
                enabled = false
                font_size = 24
                position = "bottom-left"
                background_opacity = 0.35
                text_color = "#E0E0E0"
                highlight_color = "#ff8800"

                [keybindings]
                toggle_ui = "f9"
                toggle_exits = "Home"
                """);

        RaceConfig config = RaceConfigLoader.load(folder.resolve(RaceConfigLoader.FILE_NAME));

        assertThat(config.server()).isEqualTo(new ServerSettings(URI.create("wss://race.example.org/ws"),
                UUID.fromString("3f2b8c1e-9d4a-4e6b-8f1c-2a7d5e9b0c31"), "tok_8f3a9c2e71d54b6f"));
        assertThat(config.overlay()).isEqualTo(new OverlaySettings(false, 24, ScreenCorner.BOTTOM_LEFT, 0.35,
                new RgbColor(0xE0, 0xE0, 0xE0), new RgbColor(0xFF, 0x88, 0x00)));
        assertThat(config.keybindings()).isEqualTo(new Keybindings("F9", "HOME"));
    }

    @Test
    void acceptsTheFolderThatHoldsTheFileAndFillsDefaults() throws IOException {
        write(SERVER.replace("wss://race.example.org/ws", "ws://127.0.0.1:8080"));

        RaceConfig config = RaceConfigLoader.load(folder);

        assertThat(config.file()).isEqualTo(folder.resolve(RaceConfigLoader.FILE_NAME));
        assertThat(config.server().url()).isEqualTo(URI.create("ws://127.0.0.1:8080"));
        assertThat(config.overlay()).isEqualTo(new OverlaySettings(true, 18, ScreenCorner.TOP_RIGHT,
                OverlaySettings.DEFAULT_BACKGROUND_OPACITY, OverlaySettings.DEFAULT_TEXT_COLOR, OverlaySettings.DEFAULT_HIGHLIGHT_COLOR));
        assertThat(config.keybindings()).isEqualTo(new Keybindings("F10", "F11"));
    }

    @Test
    void toleratesFieldsFromOlderPacks() throws IOException {
        write(SERVER + """
                [overlay]
                show_exits = true
                font_size = 16
                """);

        assertThat(RaceConfigLoader.load(folder).overlay().fontSize()).isEqualTo(16);
    }

    @Test
    void aMissingFileSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("speedfog_race.toml not found at " + folder.resolve("speedfog_race.toml").toAbsolutePath()
                        + " (give the file, or the seed pack folder that holds it)");
    }

    @Test
    void brokenTomlSaysWhere() throws IOException {
        write("[server]\nurl = \"wss://x\n");

        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("speedfog_race.toml: not valid TOML at line 2");
    }

    @Test
    void anEmptyFileOrAMissingServerSectionIsNamed() throws IOException {
        write("");
        assertThatThrownBy(() -> RaceConfigLoader.load(folder)).hasMessageStartingWith("speedfog_race.toml:");

        write("[overlay]\nfont_size = 20\n");
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: the [server] section is missing (it holds url, race_id and mod_token)");

        write("server = 3\n");
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: server must be a [server] section (was 3)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http url            | url = "http://x"                 | server.url must be a ws:// or wss:// URL (was 'http://x')
            url without host    | url = "wss://"                   | server.url must be a ws:// or wss:// URL (was 'wss://')
            url not text        | url = 8080                       | server.url must be a ws:// or wss:// URL (was '8080')
            url missing         | #                                | server.url is missing (it must be a ws:// or wss:// URL)
            """)
    void badServerUrls(String name, String urlLine, String message) throws IOException {
        write(SERVER.replace("url = \"wss://race.example.org/ws\"", urlLine));

        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("speedfog_race.toml: " + message);
    }

    @Test
    void badRaceIds() throws IOException {
        write(SERVER.replace("3f2b8c1e-9d4a-4e6b-8f1c-2a7d5e9b0c31", "race-42"));
        assertThatThrownBy(() -> RaceConfigLoader.load(folder)).hasMessage(
                "speedfog_race.toml: server.race_id must be a UUID like 123e4567-e89b-12d3-a456-426614174000 (was 'race-42')");

        write(SERVER.replace("race_id = \"3f2b8c1e-9d4a-4e6b-8f1c-2a7d5e9b0c31\"", ""));
        assertThatThrownBy(() -> RaceConfigLoader.load(folder)).hasMessage(
                "speedfog_race.toml: server.race_id is missing (it must be a UUID like 123e4567-e89b-12d3-a456-426614174000)");
    }

    @Test
    void badModTokensAreNamedWithoutRepeatingTheToken() throws IOException {
        write(SERVER.replace("tok_8f3a9c2e71d54b6f", "tok_8f3a 9c2e71d54b6f"));
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: server.mod_token must not contain spaces or line breaks (was it copied whole?)")
                .message().doesNotContain("8f3a");

        write(SERVER.replace("tok_8f3a9c2e71d54b6f", "  "));
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: server.mod_token is empty: copy it from your seed pack");

        write(SERVER.replace("mod_token = \"tok_8f3a9c2e71d54b6f\"", "mod_token = 12345"));
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: server.mod_token must be text in quotes")
                .message().doesNotContain("12345");

        write(SERVER.replace("mod_token = \"tok_8f3a9c2e71d54b6f\"", ""));
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: server.mod_token is missing: copy it from your seed pack");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            enabled not bool       | enabled = "yes"              | overlay.enabled must be true or false (was 'yes')
            font size text         | font_size = "big"            | overlay.font_size must be a whole number from 8 to 72 (was 'big')
            font size fraction     | font_size = 17.5             | overlay.font_size must be a whole number from 8 to 72 (was '17.5')
            font size too small    | font_size = 4                | overlay.font_size must be a whole number from 8 to 72 (was '4')
            font size too big      | font_size = 300              | overlay.font_size must be a whole number from 8 to 72 (was '300')
            position unknown       | position = "middle"          | overlay.position must be one of top-left, top-right, bottom-left, bottom-right (was 'middle')
            position not text      | position = 1                 | overlay.position must be one of top-left, top-right, bottom-left, bottom-right (was '1')
            opacity above one      | background_opacity = 1.5     | overlay.background_opacity must be a number from 0 to 1 (was '1.5')
            opacity negative       | background_opacity = -0.1    | overlay.background_opacity must be a number from 0 to 1 (was '-0.1')
            opacity text           | background_opacity = "half"  | overlay.background_opacity must be a number from 0 to 1 (was 'half')
            text color short       | text_color = "#FFF"          | overlay.text_color must be a colour written #RRGGBB (was '#FFF')
            text color name        | text_color = "white"         | overlay.text_color must be a colour written #RRGGBB (was 'white')
            highlight color hex    | highlight_color = "#GG0000"  | overlay.highlight_color must be a colour written #RRGGBB (was '#GG0000')
            """)
    void badOverlaySettings(String name, String line, String message) throws IOException {
        write(SERVER + "[overlay]\n" + line + "\n");

        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("speedfog_race.toml: " + message);
    }

    @Test
    void wholeNumbersAreFineForOpacity() throws IOException {
        write(SERVER + "[overlay]\nbackground_opacity = 1\n");

        assertThat(RaceConfigLoader.load(folder).overlay().backgroundOpacity()).isEqualTo(1.0);
    }

    @Test
    void badKeybindings() throws IOException {
        write(SERVER + "[keybindings]\ntoggle_ui = \"ctrl+x\"\n");
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: keybindings.toggle_ui must be a key name: " + Keybindings.ACCEPTED + " (was 'ctrl+x')");

        write(SERVER + "[keybindings]\ntoggle_exits = \"F25\"\n");
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessageStartingWith("speedfog_race.toml: keybindings.toggle_exits must be a key name");

        write(SERVER + "[keybindings]\ntoggle_ui = \"f11\"\n");
        assertThatThrownBy(() -> RaceConfigLoader.load(folder))
                .hasMessage("speedfog_race.toml: keybindings.toggle_exits must differ from keybindings.toggle_ui (both are 'F11')");
    }

    @Test
    void theTokenNeverAppearsWhenSettingsArePrinted() throws IOException {
        write(SERVER);

        assertThat(RaceConfigLoader.load(folder).toString()).doesNotContain("tok_8f3a9c2e71d54b6f");
    }

    private void write(String toml) throws IOException {
        Files.writeString(folder.resolve(RaceConfigLoader.FILE_NAME), toml);
    }
}
