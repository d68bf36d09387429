package com.speedfog.racing.gateway.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A player's seed pack as they get it: downloaded by its link and unzipped into a folder. */
final class Packs {

    private Packs() {
    }

    /** Downloads {@code link} and unzips it into {@code target}; answers the folder holding speedfog_race.toml. */
    static Path downloadAndUnzip(String link, Path target) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("the pack download answered " + response.statusCode());
        }
        Path root = Files.createDirectories(target).toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new AssertionError("unsafe entry in the pack: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("speedfog_race.toml")).findFirst()
                    .orElseThrow(() -> new AssertionError("no speedfog_race.toml in the pack")).getParent();
        }
    }
}
