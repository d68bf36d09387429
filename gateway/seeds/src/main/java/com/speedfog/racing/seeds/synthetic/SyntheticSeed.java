package com.speedfog.racing.seeds.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A generated seed: its graph.json and the README that says it is synthetic.
 *
 * @param folderName the seed folder name, {@code synthetic_<seed number>}
 */
public record SyntheticSeed(long seedNumber, String folderName, String graphJson, String readme) {

    public static final String README_FILE = "README.txt";

    /**
     * Writes the seed as a folder ({@code graph.json}, {@code README.txt}) into a pool folder. The folder
     * is written under a hidden name and renamed at the end, so a scan never sees half a seed.
     *
     * @return the seed folder
     * @throws FileAlreadyExistsException when the pool already has a seed of that name
     */
    public Path writeInto(Path poolFolder) throws IOException {
        Path target = poolFolder.resolve(folderName);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a seed with this name is already in the pool");
        }
        Files.createDirectories(poolFolder);
        // Hidden, so scans skip it; a leftover from an interrupted write is replaced.
        Path temporary = poolFolder.resolve("." + folderName + ".partial");
        deleteIfPresent(temporary);
        Files.createDirectory(temporary);
        try {
            Files.writeString(temporary.resolve("graph.json"), graphJson, StandardCharsets.UTF_8);
            Files.writeString(temporary.resolve(README_FILE), readme, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            deleteIfPresent(temporary);
        }
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
