package com.speedfog.racing.tools.bench;

import com.speedfog.racing.seeds.synthetic.SeedShape;
import com.speedfog.racing.seeds.synthetic.SyntheticSeedGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import com.sun.nio.file.ExtendedOpenOption;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Seed pack download speed against reading the seed's own bytes from disk. */
final class PackSpeed {
    static final String POOL = "bench-pack";

    /** diskMiBs bypasses the page cache (O_DIRECT; NaN where the file system refuses it), cachedMiBs does not. */
    record Result(long packBytes, long seedBytes, double downloadMiBs, double diskMiBs, double cachedMiBs) {
    }

    private PackSpeed() {
    }

    /** A pool with one zip seed of about {@code megabytes}, mostly incompressible (like real mod files). */
    static Path writePool(Path poolsRoot, int megabytes) throws IOException {
        Path pool = Files.createDirectories(poolsRoot.resolve(POOL));
        Files.writeString(pool.resolve("config.toml"), "display_name = \"Bench pack\"\nestimated_duration = 60\n");
        Path zip = pool.resolve("big_seed.zip");
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(42);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.NO_COMPRESSION);
            out.putNextEntry(new ZipEntry("graph.json"));
            out.write(SyntheticSeedGenerator.withBundledFogData().generate(77, new SeedShape(13, 3)).graphJson()
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("mod/regulation.bin"));
            for (int i = 0; i < megabytes; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
            out.closeEntry();
        }
        return zip;
    }

    /**
     * Best of {@code runs} for each: the whole pack over HTTP (the gateway reads the seed through the page
     * cache, warm after the first run), the seed file from the disk itself (O_DIRECT) and from the page cache.
     */
    static Result measure(String downloadUrl, Path seedZip, int runs) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        double bestDownload = 0, bestDisk = Double.NaN, bestCached = 0;
        long packBytes = 0;
        long seedBytes = Files.size(seedZip);
        byte[] buffer = new byte[1 << 16];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(downloadUrl)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IOException("pack download answered " + response.statusCode());
            }
            long bytes = 0;
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
            packBytes = bytes;
            bestDownload = Math.max(bestDownload, bytes / ((System.nanoTime() - start) / 1e9) / (1 << 20));
            double disk = readSpeed(seedZip, true);
            bestDisk = Double.isNaN(bestDisk) || disk > bestDisk ? disk : bestDisk;
            bestCached = Math.max(bestCached, readSpeed(seedZip, false));
        }
        return new Result(packBytes, seedBytes, bestDownload, bestDisk, bestCached);
    }

    /** MiB/s reading the whole file in 1 MiB blocks; with {@code direct}, past the page cache (NaN if unsupported). */
    static double readSpeed(Path file, boolean direct) throws IOException {
        int block = 1 << 20;
        ByteBuffer buffer;
        FileChannel channel;
        try {
            if (direct) {
                int alignment = (int) Files.getFileStore(file).getBlockSize();
                buffer = ByteBuffer.allocateDirect(block + alignment).alignedSlice(alignment);
                channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
            } else {
                buffer = ByteBuffer.allocateDirect(block);
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
        } catch (UnsupportedOperationException | IOException unsupported) {
            return Double.NaN;
        }
        long start = System.nanoTime();
        long read = 0;
        try (channel) {
            for (int n; (n = channel.read(buffer)) > 0; buffer.clear()) {
                read += n;
                if (direct && n < block) {
                    break; // the file's last, partial block: O_DIRECT cannot read on from an unaligned position
                }
            }
        }
        return read / ((System.nanoTime() - start) / 1e9) / (1 << 20);
    }

}
