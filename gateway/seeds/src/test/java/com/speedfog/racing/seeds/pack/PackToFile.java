package com.speedfog.racing.seeds.pack;

import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.Seed;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Run in a separate JVM with a small heap: {@code <pools root> <seed id> <pack file>}. */
public final class PackToFile {

    private PackToFile() {
    }

    public static void main(String[] args) throws IOException {
        Seed seed = PoolScanner.scan(Path.of(args[0])).seed(args[1])
                .orElseThrow(() -> new IllegalArgumentException("no seed " + args[1]));
        RacePackSettings settings = RacePackSettings.withDefaults("ws://localhost:8080",
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "token");
        try (OutputStream file = Files.newOutputStream(Path.of(args[2]));
             OutputStream stream = new FilterOutputStream(file) {
                 @Override
                 public void write(byte[] bytes, int offset, int length) throws IOException {
                     out.write(bytes, offset, length);
                 }
             }) {
            SeedPackWriter.write(seed, settings, stream);
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
}
