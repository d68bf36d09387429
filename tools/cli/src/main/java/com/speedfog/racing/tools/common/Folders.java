package com.speedfog.racing.tools.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores the commands share. */
public final class Folders {
    private Folders() {
    }

    /** Deletes a folder and everything in it, as far as possible: it is scratch space, never worth a failure. */
    public static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            // scratch space: what is left is hidden or temporary
        }
    }
}
