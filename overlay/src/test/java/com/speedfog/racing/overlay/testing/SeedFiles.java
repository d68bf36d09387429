package com.speedfog.racing.overlay.testing;

import com.speedfog.racing.seeds.demo.DemoFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample seeds of the {@code seeds} module (SpeedFog graph.json v4 and v3), and seed packs made of them. */
public final class SeedFiles {

    private SeedFiles() {
    }

    /** Copies the sample graph.json {@code v4} or {@code v3} to {@code target}. */
    public static Path copyGraph(String version, Path target) throws IOException {
        byte[] graph = switch (version) {
            case "v3" -> DemoFiles.sampleGraphV3();
            case "v4" -> DemoFiles.sampleGraphV4();
            default -> throw new IllegalArgumentException("no sample graph " + version + " (v3 or v4)");
        };
        Files.createDirectories(target.toAbsolutePath().getParent());
        return Files.write(target, graph);
    }

    /** A seed pack folder: speedfog_race.toml for {@code serverUrl} and the v4 graph.json. */
    public static Path pack(Path folder, String serverUrl, String token) throws IOException {
        return pack(folder, serverUrl, token, "v4");
    }

    /** A seed pack folder: speedfog_race.toml for {@code serverUrl} and the graph.json {@code version} (v4, v3). */
    public static Path pack(Path folder, String serverUrl, String token, String version) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("speedfog_race.toml"), """
                [server]
                url = "%s"
                race_id = "%s"
                mod_token = "%s"

                [overlay]
                position = "top-right"
                font_size = 16

                [keybindings]
                toggle_ui = "F10"
                toggle_exits = "F11"
                """.formatted(serverUrl, FakeRaceServer.RACE, token));
        copyGraph(version, folder.resolve("graph.json"));
        return folder;
    }
}
