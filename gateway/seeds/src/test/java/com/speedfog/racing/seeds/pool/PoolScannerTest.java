package com.speedfog.racing.seeds.pool;

import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.graph.SeedSummary;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.speedfog.racing.seeds.TestSeeds.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PoolScannerTest {

    @TempDir
    Path root;

    @Test
    void findsFolderAndZipSeedsFlatOrInOneTopLevelFolder() throws IOException {
        Path pool = TestSeeds.pool(root, "standard", "Standard (~1h)");
        TestSeeds.folder(pool.resolve("seed_flat"), Map.of("graph.json", TestSeeds.graphV4(), "mod/regulation.bin", text("x")));
        TestSeeds.folder(pool.resolve("seed_nested"), Map.of("speedfog_123/graph.json", TestSeeds.graphV3(),
                "speedfog_123/launch.bat", text("@echo off")));
        TestSeeds.zip(pool.resolve("seed_zip_flat.zip"), Map.of("graph.json", TestSeeds.graphV4()));
        TestSeeds.zip(pool.resolve("seed_zip_nested.ZIP"), Map.of("seed/", new byte[0], "seed/graph.json", TestSeeds.graphV3(),
                "seed/mods/a.dll", text("dll")));

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.rejectedSeeds()).isEmpty();
        assertThat(result.rejectedPools()).isEmpty();
        assertThat(result.pools()).extracting(Pool::name, p -> p.config().displayName())
                .containsExactly(tuple("standard", "Standard (~1h)"));
        assertThat(result.seeds()).extracting(Seed::id, Seed::kind, Seed::contentRoot, Seed::graphEntry)
                .containsExactly(
                        tuple("standard/seed_flat", SeedKind.FOLDER, "", "graph.json"),
                        tuple("standard/seed_nested", SeedKind.FOLDER, "speedfog_123/", "speedfog_123/graph.json"),
                        tuple("standard/seed_zip_flat.zip", SeedKind.ZIP, "", "graph.json"),
                        tuple("standard/seed_zip_nested.ZIP", SeedKind.ZIP, "seed/", "seed/graph.json"));
        assertThat(result.seed("standard/seed_flat").orElseThrow().summary())
                .isEqualTo(new SeedSummary("4.1", 824910911L, 13, 16, true));
        assertThat(result.seed("standard/seed_nested").orElseThrow().summary().hasEventMap()).isFalse();
        assertThat(result.seedsOf("standard")).hasSize(4);
        assertThat(result.seed("standard/seed_flat").orElseThrow().path()).isEqualTo(pool.resolve("seed_flat"));
    }

    @Test
    void alsoReadsTheAvailableFolderAndSkipsWhatIsNotASeed() throws IOException {
        Path pool = TestSeeds.pool(root, "sprint", "Sprint");
        TestSeeds.zip(pool.resolve("available/seed_a.zip"), Map.of("graph.json", TestSeeds.graphV4()));
        TestSeeds.folder(pool.resolve("available/seed_b"), Map.of("graph.json", TestSeeds.graphV4()));
        TestSeeds.folder(pool.resolve("consumed/seed_old"), Map.of("graph.json", TestSeeds.graphV4()));
        TestSeeds.folder(pool.resolve(".seed_c.partial"), Map.of("graph.json", TestSeeds.graphV4()));
        Files.writeString(pool.resolve("README.md"), "notes");
        Files.createDirectories(root.resolve(".cache"));

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.seeds()).extracting(Seed::id).containsExactly("sprint/seed_a.zip", "sprint/seed_b");
        assertThat(result.rejectedSeeds()).isEmpty();
        assertThat(result.rejectedPools()).isEmpty();
    }

    @Test
    void aSeedNameUsedTwiceKeepsTheFirstAndRejectsTheOther() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        TestSeeds.folder(pool.resolve("seed_1"), Map.of("graph.json", TestSeeds.graphV4()));
        TestSeeds.folder(pool.resolve("available/seed_1"), Map.of("graph.json", TestSeeds.graphV4()));

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.seeds()).extracting(Seed::path).containsExactly(pool.resolve("seed_1"));
        assertThat(result.rejectedSeeds()).singleElement().satisfies(rejected -> {
            assertThat(rejected.path()).isEqualTo(pool.resolve("available/seed_1"));
            assertThat(rejected.reason()).contains("seed id 'p/seed_1' is used twice");
        });
    }

    @Test
    void rejectsSeedsWithoutAUsableGraph() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        TestSeeds.folder(pool.resolve("no_graph"), Map.of("README.txt", text("hello")));
        TestSeeds.folder(pool.resolve("deep_graph"), Map.of("a/b/graph.json", TestSeeds.graphV4()));
        TestSeeds.folder(pool.resolve("broken_json"), Map.of("graph.json", text("{\"seed\": 1,")));
        TestSeeds.folder(pool.resolve("no_layer"), Map.of("graph.json", text("""
                {"seed": 1, "total_layers": 1, "nodes": {"start": {"display_name": "S"}}, "edges": []}""")));
        TestSeeds.zip(pool.resolve("two_graphs.zip"), Map.of("a/graph.json", TestSeeds.graphV4(), "b/graph.json", TestSeeds.graphV4()));
        TestSeeds.zip(pool.resolve("empty_zip.zip"), Map.of());
        Files.writeString(pool.resolve("not_a_zip.zip"), "this is text");

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.seeds()).isEmpty();
        assertThat(reasons(result)).containsExactly(
                Map.entry("p/broken_json", "graph.json: not valid JSON at line 1"),
                Map.entry("p/deep_graph", "no graph.json at the root or in a top-level folder: is this a SpeedFog seed?"),
                Map.entry("p/empty_zip.zip", "no graph.json at the root or in a top-level folder: is this a SpeedFog seed?"),
                Map.entry("p/no_graph", "no graph.json at the root or in a top-level folder: is this a SpeedFog seed?"),
                Map.entry("p/no_layer", "graph.json: node 'start' has no layer"),
                Map.entry("p/not_a_zip.zip", "not a readable zip file ("),
                Map.entry("p/two_graphs.zip", "graph.json is in 2 top-level folders (a/, b/): a seed holds exactly one"));
    }

    @Test
    void rejectsZipsWithEntriesThatCouldEscape() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        maliciousZip(pool.resolve("dotdot.zip"), "../evil.txt");
        maliciousZip(pool.resolve("nested_dotdot.zip"), "seed/../../evil.txt");
        maliciousZip(pool.resolve("absolute.zip"), "/abs.txt");
        maliciousZip(pool.resolve("drive.zip"), "C:\\x.txt");
        maliciousZip(pool.resolve("drive_slash.zip"), "D:/x.txt");
        maliciousZip(pool.resolve("backslash.zip"), "seed/..\\..\\evil.txt");
        maliciousZip(pool.resolve("stream.zip"), "graph.json:hidden");

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.seeds()).isEmpty();
        Map<String, String> reasons = reasons(result);
        assertThat(reasons).hasSize(7).allSatisfy((id, reason) -> assertThat(reason).startsWith("unsafe zip: "));
        assertThat(reasons.get("p/dotdot.zip")).contains("'../evil.txt' uses '..'");
        assertThat(reasons.get("p/nested_dotdot.zip")).contains("'seed/../../evil.txt' uses '..'");
        assertThat(reasons.get("p/absolute.zip")).contains("'/abs.txt' is an absolute path");
        // written on a FAT platform, C:\x.txt is read back as C:/x.txt; either way it names a drive
        assertThat(reasons.get("p/drive.zip")).containsAnyOf("starts with a drive letter", "uses '\\'");
        assertThat(reasons.get("p/drive_slash.zip")).contains("'D:/x.txt' starts with a drive letter");
        assertThat(reasons.get("p/backslash.zip")).contains("uses '\\' in its name");
        assertThat(reasons.get("p/stream.zip")).contains("has ':' in its name");
    }

    @Test
    void rejectsBackslashNamesStoredRawOnAUnixPlatform() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        Path zip = pool.resolve("raw_backslash.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            writeEntry(out, new ZipArchiveEntry("graph.json"), TestSeeds.graphV4());
            writeEntry(out, new UnixNamedEntry("C:\\x.txt"), text("x"));
        }

        ScanResult result = PoolScanner.scan(root);

        assertThat(reasons(result).get("p/raw_backslash.zip")).isEqualTo("unsafe zip: entry 'C:\\x.txt' uses '\\' in its"
                + " name: Windows tools read it as a folder separator, so it could point anywhere; zip entry names must use '/'");
    }

    @Test
    void rejectsSymlinkEntriesAndDuplicatesInZips() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(pool.resolve("link.zip")))) {
            writeEntry(out, new ZipArchiveEntry("graph.json"), TestSeeds.graphV4());
            ZipArchiveEntry link = new ZipArchiveEntry("passwd");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            writeEntry(out, link, text("../../../etc/passwd"));
        }
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(pool.resolve("twice.zip")))) {
            writeEntry(out, new ZipArchiveEntry("graph.json"), TestSeeds.graphV4());
            writeEntry(out, new ZipArchiveEntry("graph.json"), text("{}"));
        }

        Map<String, String> reasons = reasons(PoolScanner.scan(root));

        assertThat(reasons.get("p/link.zip")).isEqualTo("unsafe zip: entry 'passwd' is a symbolic link: seed zips may hold"
                + " only files and folders");
        assertThat(reasons.get("p/twice.zip")).startsWith("unsafe zip: entry 'graph.json' appears twice");
    }

    @Test
    void rejectsSymlinksThatLeaveTheSeedFolder(@TempDir Path elsewhere) throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "do not ship");
        Path escaping = TestSeeds.folder(pool.resolve("escaping"), Map.of("graph.json", TestSeeds.graphV4()));
        Files.createDirectories(escaping.resolve("mods"));
        Files.createSymbolicLink(escaping.resolve("mods/secret.txt"), secret);
        Path climbing = TestSeeds.folder(pool.resolve("climbing"), Map.of("graph.json", TestSeeds.graphV4()));
        Files.createSymbolicLink(climbing.resolve("up"), Path.of("../escaping/graph.json"));
        Path dangling = TestSeeds.folder(pool.resolve("dangling"), Map.of("graph.json", TestSeeds.graphV4()));
        Files.createSymbolicLink(dangling.resolve("gone"), dangling.resolve("nothing-here"));
        Path inside = TestSeeds.folder(pool.resolve("inside"), Map.of("graph.json", TestSeeds.graphV4(), "a.txt", text("a")));
        Files.createSymbolicLink(inside.resolve("b.txt"), Path.of("a.txt"));
        Files.createSymbolicLink(pool.resolve("linked_seed"), inside);

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.seeds()).extracting(Seed::id).containsExactly("p/inside");
        Map<String, String> reasons = reasons(result);
        assertThat(reasons.get("p/escaping")).startsWith("symbolic link 'mods/secret.txt' points outside the seed folder");
        assertThat(reasons.get("p/climbing")).startsWith("symbolic link 'up' points outside the seed folder");
        assertThat(reasons.get("p/dangling")).isEqualTo("symbolic link 'gone' points to nothing: remove it");
        assertThat(reasons.get("p/linked_seed")).isEqualTo("the seed is a symbolic link: put the seed itself in the pool folder");
    }

    @Test
    void reportsBadPoolsWithoutStoppingTheScan() throws IOException {
        TestSeeds.pool(root, "good", "Good");
        Path noName = Files.createDirectories(root.resolve("no_name"));
        Files.writeString(noName.resolve("config.toml"), "description = \"x\"\n");
        TestSeeds.folder(noName.resolve("seed_1"), Map.of("graph.json", TestSeeds.graphV4()));
        Path badToml = Files.createDirectories(root.resolve("bad_toml"));
        Files.writeString(badToml.resolve("config.toml"), "display_name = \"unclosed\n");
        Path badDuration = Files.createDirectories(root.resolve("bad_duration"));
        Files.writeString(badDuration.resolve("config.toml"), "display_name = \"D\"\nestimated_duration = \"soon\"\n");
        Files.createDirectories(root.resolve("no_config"));

        ScanResult result = PoolScanner.scan(root);

        assertThat(result.pools()).extracting(Pool::name).containsExactly("good");
        assertThat(result.seeds()).isEmpty(); // the seeds of a rejected pool are not offered
        assertThat(result.rejectedPools()).extracting(RejectedPool::name)
                .containsExactly("bad_duration", "bad_toml", "no_config", "no_name");
        assertThat(result.rejectedPools().get(0).reason()).endsWith("config.toml: estimated_duration must be a number of"
                + " minutes (90) or a text like \"~1h\", \"~45min\", \"1h30\" (was \"soon\")");
        assertThat(result.rejectedPools().get(1).reason()).contains("config.toml: not valid TOML at line 1");
        assertThat(result.rejectedPools().get(2).reason()).isEqualTo("no config.toml, so this folder is not a pool: add one"
                + " with at least display_name = \"...\"");
        assertThat(result.rejectedPools().get(3).reason()).contains("config.toml: display_name is missing");
    }

    @Test
    void aMissingRootIsAnError() {
        assertThatThrownBy(() -> PoolScanner.scan(root.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist or is not a folder");
    }

    @Test
    void loadsTheFullGraphOfAScannedSeed() throws IOException {
        Path pool = TestSeeds.pool(root, "p", "P");
        TestSeeds.zip(pool.resolve("s.zip"), Map.of("inner/graph.json", TestSeeds.graphV4()));
        Seed seed = PoolScanner.scan(root).seed("p/s.zip").orElseThrow();

        SeedGraph graph = SeedGraphLoader.load(seed);

        assertThat(graph.nodeForFlag(1040292806L)).get().extracting(n -> n.id()).isEqualTo("stormveil_db4a");
    }

    private static void maliciousZip(Path zip, String badName) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("graph.json", TestSeeds.graphV4());
        entries.put(badName, text("evil"));
        TestSeeds.zip(zip, entries);
    }

    private static void writeEntry(ZipArchiveOutputStream out, ZipArchiveEntry entry, byte[] content) throws IOException {
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }

    /** Reasons by seed id; a reason is cut to the expected prefix length when the rest names a temp path. */
    private static Map<String, String> reasons(ScanResult result) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RejectedSeed rejected : result.rejectedSeeds()) {
            String reason = rejected.reason();
            if (reason.startsWith("not a readable zip file (")) {
                reason = "not a readable zip file (";
            } else if (reason.startsWith("graph.json: not valid JSON at line 1")) {
                reason = "graph.json: not valid JSON at line 1";
            }
            reasons.put(rejected.id(), reason);
        }
        return reasons;
    }

    /** An entry made on a Unix platform, so its name is stored exactly as given, backslashes included. */
    private static final class UnixNamedEntry extends ZipArchiveEntry {
        UnixNamedEntry(String name) {
            super("placeholder");
            setUnixMode(UnixStat.FILE_FLAG | 0644);
            setName(name);
        }
    }
}
