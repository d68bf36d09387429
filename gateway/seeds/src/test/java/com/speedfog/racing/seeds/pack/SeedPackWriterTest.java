package com.speedfog.racing.seeds.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.ScanResult;
import com.speedfog.racing.seeds.pool.Seed;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.speedfog.racing.seeds.TestSeeds.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedPackWriterTest {

    private static final UUID RACE = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final TomlMapper TOML = new TomlMapper();

    @TempDir
    Path root;

    @Test
    void folderSeedPackHoldsEverySeedFileAndTheRaceFiles() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("graph.json", TestSeeds.graphV4());
        files.put("mod/regulation.bin", randomBytes(300_000, 1));
        files.put("mod/params/a.txt", text("param a"));
        files.put("launch_speedfog.sh", text("#!/bin/sh\necho go\n"));
        files.put("speedfog_race.toml", text("[server]\nurl = \"ws://template\"\n"));
        Path seedFolder = TestSeeds.folder(pool.resolve("seed_1"), files);
        Files.setPosixFilePermissions(seedFolder.resolve("launch_speedfog.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(seedFolder.resolve("mod/empty"));
        Seed seed = scan().seed("p/seed_1").orElseThrow();

        Path pack = writePack(seed, RacePackSettings.withDefaults("ws://race.example.org:8080/", RACE, "tok_abc-123"));

        Map<String, byte[]> entries = readWithJavaZip(pack);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("speedfog_race.toml", "run-overlay.bat", "run-overlay.sh",
                "graph.json", "mod/", "mod/regulation.bin", "mod/params/", "mod/params/a.txt", "mod/empty/",
                "launch_speedfog.sh");
        for (String name : List.of("graph.json", "mod/regulation.bin", "mod/params/a.txt", "launch_speedfog.sh")) {
            assertThat(entries.get(name)).as(name).isEqualTo(files.get(name));
        }
        assertThat(readWithZipInputStream(pack)).containsOnlyKeys(entries.keySet());
        assertDefaultToml(entries.get("speedfog_race.toml"), "ws://race.example.org:8080", "tok_abc-123");
        try (ZipFile zip = ZipFile.builder().setPath(pack).get()) {
            assertThat(zip.getEntry("run-overlay.sh").getUnixMode() & 0777).isEqualTo(0755);
            assertThat(zip.getEntry("launch_speedfog.sh").getUnixMode() & 0777).isEqualTo(0755);
            assertThat(zip.getEntry("graph.json").getUnixMode() & 0777).isEqualTo(0644);
            assertThat(zip.getEntry("mod/regulation.bin").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
    }

    @Test
    void launchersRunTheOverlayFromTheirOwnFolder() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        TestSeeds.folder(pool.resolve("seed_1"), Map.of("graph.json", TestSeeds.graphV4()));
        Path pack = writePack(scan().seed("p/seed_1").orElseThrow(), RacePackSettings.withDefaults("ws://h:1", RACE, "t"));

        Map<String, byte[]> entries = readWithJavaZip(pack);
        String sh = new String(entries.get("run-overlay.sh"), StandardCharsets.UTF_8);
        String bat = new String(entries.get("run-overlay.bat"), StandardCharsets.UTF_8);

        assertThat(sh).startsWith("#!/bin/sh\n").doesNotContain("\r")
                .contains("exec java -jar \"$here/overlay.jar\" --config \"$here\"")
                .contains("overlay.jar was not found in $here");
        assertThat(bat).contains("\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n")
                .contains("java -jar \"%HERE%\\overlay.jar\" --config \"%HERE%\"")
                .contains("overlay.jar was not found in \"%HERE%\".");
    }

    @Test
    void zipSeedEntriesAreCopiedRawWithoutDataDescriptors() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("seed/", new byte[0]);
        files.put("seed/graph.json", TestSeeds.graphV3());
        files.put("seed/mod/regulation.bin", randomBytes(200_000, 2));
        files.put("seed/mod/text.txt", text("hello ".repeat(5000)));
        files.put("seed/mod/raw.stored", randomBytes(50_000, 3));
        files.put("seed/speedfog_race.toml", text("[server]\nurl = \"ws://template\"\n"));
        files.put("seed/old/speedfog_race.toml", text("stale"));
        files.put("seed/RUN-OVERLAY.BAT", text("old launcher"));
        Path source = TestSeeds.zip(pool.resolve("seed_2.zip"), files);
        Seed seed = scan().seed("p/seed_2.zip").orElseThrow();
        assertThat(seed.contentRoot()).isEqualTo("seed/");

        Path pack = writePack(seed, RacePackSettings.withDefaults("wss://race.example.org", RACE, "secret-token"));

        Map<String, byte[]> entries = readWithJavaZip(pack);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("seed/speedfog_race.toml", "seed/run-overlay.bat",
                "seed/run-overlay.sh", "seed/", "seed/graph.json", "seed/mod/regulation.bin", "seed/mod/text.txt",
                "seed/mod/raw.stored");
        for (String name : List.of("seed/graph.json", "seed/mod/regulation.bin", "seed/mod/text.txt", "seed/mod/raw.stored")) {
            assertThat(entries.get(name)).as(name).isEqualTo(files.get(name));
        }
        // a streaming reader relies on the local headers: this fails if a raw copy kept a wrong descriptor flag
        Map<String, byte[]> streamed = readWithZipInputStream(pack);
        assertThat(streamed.get("seed/mod/raw.stored")).isEqualTo(files.get("seed/mod/raw.stored"));
        assertThat(streamed.get("seed/mod/regulation.bin")).isEqualTo(files.get("seed/mod/regulation.bin"));
        assertDefaultToml(entries.get("seed/speedfog_race.toml"), "wss://race.example.org", "secret-token");

        try (ZipFile in = ZipFile.builder().setPath(source).get(); ZipFile out = ZipFile.builder().setPath(pack).get()) {
            for (String name : List.of("seed/graph.json", "seed/mod/regulation.bin", "seed/mod/text.txt", "seed/mod/raw.stored")) {
                ZipArchiveEntry before = in.getEntry(name);
                ZipArchiveEntry after = out.getEntry(name);
                assertThat(after.getMethod()).as(name).isEqualTo(before.getMethod());
                assertThat(after.getCompressedSize()).as(name).isEqualTo(before.getCompressedSize());
                assertThat(after.getCrc()).as(name).isEqualTo(before.getCrc());
                assertThat(after.getSize()).as(name).isEqualTo(before.getSize());
                assertThat(after.getGeneralPurposeBit().usesDataDescriptor()).as(name).isFalse();
                assertThat(rawBytes(out, after)).as(name).isEqualTo(rawBytes(in, before));
            }
            assertThat(in.getEntry("seed/mod/regulation.bin").getGeneralPurposeBit().usesDataDescriptor()).isTrue();
            assertThat(out.getEntry("seed/mod/raw.stored").getMethod()).isEqualTo(ZipEntry.STORED);
        }
    }

    @Test
    void customOverlaySettingsReachTheToml() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        TestSeeds.folder(pool.resolve("s"), Map.of("graph.json", TestSeeds.graphV4()));
        RacePackSettings settings = new RacePackSettings("ws://10.0.0.5:9000", RACE, "a\"b\\c", false, 24, "bottom-left",
                0.25, "#00FF00", "#123abc", "f5", "insert");

        Map<String, byte[]> entries = readWithJavaZip(writePack(scan().seed("p/s").orElseThrow(), settings));

        JsonNode toml = TOML.readTree(entries.get("speedfog_race.toml"));
        assertThat(toml.at("/server/mod_token").asText()).isEqualTo("a\"b\\c");
        assertThat(toml.at("/overlay/enabled").booleanValue()).isFalse();
        assertThat(toml.at("/overlay/font_size").intValue()).isEqualTo(24);
        assertThat(toml.at("/overlay/position").asText()).isEqualTo("bottom-left");
        assertThat(toml.at("/overlay/background_opacity").doubleValue()).isEqualTo(0.25);
        assertThat(toml.at("/overlay/text_color").asText()).isEqualTo("#00FF00");
        assertThat(toml.at("/overlay/highlight_color").asText()).isEqualTo("#123abc");
        assertThat(toml.at("/keybindings/toggle_ui").asText()).isEqualTo("F5");
        assertThat(toml.at("/keybindings/toggle_exits").asText()).isEqualTo("INSERT");
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        TestSeeds.folder(pool.resolve("s"), Map.of("graph.json", TestSeeds.graphV4()));
        boolean[] closed = {false};
        OutputStream out = new FilterOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        SeedPackWriter.write(scan().seed("p/s").orElseThrow(), RacePackSettings.withDefaults("ws://h", RACE, "t"), out);

        assertThat(closed[0]).isFalse();
    }

    @Test
    void aSeedThatBecameUnsafeAfterTheScanIsRefused(@TempDir Path elsewhere) throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        Path folder = TestSeeds.folder(pool.resolve("s"), Map.of("graph.json", TestSeeds.graphV4()));
        Seed seed = scan().seed("p/s").orElseThrow();
        Files.createSymbolicLink(folder.resolve("secret.txt"), Files.writeString(elsewhere.resolve("secret.txt"), "x"));

        assertThatThrownBy(() -> SeedPackWriter.write(seed, RacePackSettings.withDefaults("ws://h", RACE, "t"),
                OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessage("seed p/s changed since it was scanned: 'secret.txt' links outside the seed folder; rescan the pools");
    }

    @Test
    void settingsTheOverlayWouldRefuseAreRefusedHere() {
        assertThatThrownBy(() -> RacePackSettings.withDefaults("http://h:8080", RACE, "t"))
                .hasMessage("serverUrl must be a ws:// or wss:// URL such as ws://racing.example.org:8080 (was 'http://h:8080')");
        assertThatThrownBy(() -> RacePackSettings.withDefaults("ws://h", RACE, "two words"))
                .hasMessage("modToken must be non-empty text without spaces or line breaks");
        assertThatThrownBy(() -> new RacePackSettings("ws://h", RACE, "t", true, 100, "top-right", 0.6, "#FFFFFF", "#FFD700", "F10", "F11"))
                .hasMessage("fontSize must be from 8 to 72 (was 100)");
        assertThatThrownBy(() -> new RacePackSettings("ws://h", RACE, "t", true, 18, "middle", 0.6, "#FFFFFF", "#FFD700", "F10", "F11"))
                .hasMessage("position must be one of top-left, top-right, bottom-left, bottom-right (was 'middle')");
        assertThatThrownBy(() -> new RacePackSettings("ws://h", RACE, "t", true, 18, "top-left", 1.5, "#FFFFFF", "#FFD700", "F10", "F11"))
                .hasMessage("backgroundOpacity must be from 0 to 1 (was 1.5)");
        assertThatThrownBy(() -> new RacePackSettings("ws://h", RACE, "t", true, 18, "top-left", 0.5, "white", "#FFD700", "F10", "F11"))
                .hasMessage("textColor must be a colour written #RRGGBB (was 'white')");
        assertThatThrownBy(() -> new RacePackSettings("ws://h", RACE, "t", true, 18, "top-left", 0.5, "#FFFFFF", "#FFD700", "F10", "f10"))
                .hasMessage("toggleExits must differ from toggleUi (both are 'F10')");
        assertThatThrownBy(() -> new RacePackSettings("ws://h", RACE, "t", true, 18, "top-left", 0.5, "#FFFFFF", "#FFD700", "F99", "F11"))
                .hasMessageStartingWith("toggleUi must be F1-F24, a letter, a digit, or one of INSERT");
    }

    private ScanResult scan() {
        ScanResult result = PoolScanner.scan(root);
        assertThat(result.rejectedSeeds()).isEmpty();
        return result;
    }

    private Path writePack(Seed seed, RacePackSettings settings) throws IOException {
        Path pack = root.resolve("pack-" + UUID.randomUUID() + ".zip");
        try (OutputStream file = Files.newOutputStream(pack);
             OutputStream nonSeekable = new FilterOutputStream(file) {
                 @Override
                 public void write(byte[] bytes, int offset, int length) throws IOException {
                     out.write(bytes, offset, length);
                 }
             }) {
            SeedPackWriter.write(seed, settings, nonSeekable);
        }
        return pack;
    }

    static void assertDefaultToml(byte[] content, String url, String token) throws IOException {
        JsonNode toml = TOML.readTree(content);
        assertThat(toml.at("/server/url").asText()).isEqualTo(url);
        assertThat(toml.at("/server/race_id").asText()).isEqualTo(RACE.toString());
        assertThat(toml.at("/server/mod_token").asText()).isEqualTo(token);
        assertThat(toml.at("/overlay/enabled").booleanValue()).isTrue();
        assertThat(toml.at("/overlay/font_size").intValue()).isEqualTo(18);
        assertThat(toml.at("/overlay/position").asText()).isEqualTo("top-right");
        assertThat(toml.at("/overlay/background_opacity").doubleValue()).isEqualTo(0.6);
        assertThat(toml.at("/overlay/text_color").asText()).isEqualTo("#FFFFFF");
        assertThat(toml.at("/overlay/highlight_color").asText()).isEqualTo("#FFD700");
        assertThat(toml.at("/keybindings/toggle_ui").asText()).isEqualTo("F10");
        assertThat(toml.at("/keybindings/toggle_exits").asText()).isEqualTo("F11");
    }

    /** Every entry by name, read through the central directory; fails on a duplicate name. */
    static Map<String, byte[]> readWithJavaZip(Path pack) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pack.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    assertThat(entries.put(entry.getName(), in.readAllBytes())).as("duplicate " + entry.getName()).isNull();
                }
            }
        }
        return entries;
    }

    /** Every entry by name, read front to back through the local headers as a streaming unzip does. */
    static Map<String, byte[]> readWithZipInputStream(Path pack) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pack))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] rawBytes(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getRawInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
