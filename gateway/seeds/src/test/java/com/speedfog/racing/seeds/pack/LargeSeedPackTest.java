package com.speedfog.racing.seeds.pack;

import com.speedfog.racing.seeds.TestSeeds;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packs of seeds larger than the heap: the writer runs in a JVM limited to 24 MB of heap and packs 50 MB
 * seeds. Holding a pack (or one big file) in memory would fail there with OutOfMemoryError.
 */
class LargeSeedPackTest {

    private static final int SIZE = 50 * 1024 * 1024;
    private static final String SMALL_HEAP = "-Xmx24m";

    @TempDir
    Path root;

    @Test
    void packsA50MegabyteFolderSeedInASmallHeap() throws Exception {
        Path pool = TestSeeds.pool(root, "p", "P");
        Path seed = TestSeeds.folder(pool.resolve("big"), Map.of("graph.json", TestSeeds.graphV4()));
        long crc = writeRandomFile(seed.resolve("mod/big.bin"));

        Path pack = packInSmallHeap("p/big");

        assertEntry(pack, "mod/big.bin", crc);
    }

    @Test
    void packsA50MegabyteZipSeedInASmallHeap() throws Exception {
        Path pool = TestSeeds.pool(root, "p", "P");
        Path data = root.resolve("big.bin");
        long crc = writeRandomFile(data);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(pool.resolve("big.zip")));
             InputStream in = Files.newInputStream(data)) {
            zip.setLevel(1);
            zip.putArchiveEntry(new ZipArchiveEntry("graph.json"));
            zip.write(TestSeeds.graphV4());
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry("mod/big.bin"));
            in.transferTo(zip);
            zip.closeArchiveEntry();
        }
        Files.delete(data);

        Path pack = packInSmallHeap("p/big.zip");

        assertEntry(pack, "mod/big.bin", crc);
    }

    private Path packInSmallHeap(String seedId) throws Exception {
        Path pack = root.resolve("pack.zip");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), SMALL_HEAP, "-cp", System.getProperty("java.class.path"),
                PackToFile.class.getName(), root.toString(), seedId, pack.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Matcher heap = Pattern.compile("max heap (\\d+) MB").matcher(output);
        assertThat(heap.find()).as(output).isTrue();
        assertThat(Long.parseLong(heap.group(1)) * 1024 * 1024).as("the writer's heap").isLessThan(SIZE);
        return pack;
    }

    private static void assertEntry(Path pack, String name, long crc) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(pack).get()) {
            ZipArchiveEntry entry = zip.getEntry(name);
            assertThat(entry.getSize()).isEqualTo(SIZE);
            assertThat(entry.getCrc()).isEqualTo(crc);
            try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
                in.transferTo(OutputStream.nullOutputStream());
                assertThat(in.getChecksum().getValue()).isEqualTo(crc);
            }
            assertThat(zip.getEntry("speedfog_race.toml")).isNotNull();
            assertThat(zip.getEntry("graph.json").getSize()).isEqualTo(TestSeeds.graphV4().length);
        }
    }

    /** Writes {@link #SIZE} random bytes a megabyte at a time and returns their CRC. */
    private static long writeRandomFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(42);
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                crc.update(chunk);
                out.write(chunk);
            }
        }
        return crc.getValue();
    }
}
