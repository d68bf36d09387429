package com.speedfog.racing.overlay.memory.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds processes by executable name through /proc. Under Steam Proton the game is a wine process:
 * its comm is {@code eldenring.exe} and its argv[0] a Windows path ending in {@code \eldenring.exe},
 * while its exe link points at the wine loader, so comm and argv[0] are what we look at.
 */
public final class LinuxProcessFinder {

    /** The kernel keeps at most 15 characters of a process name in comm. */
    private static final int COMM_LENGTH = 15;

    private final Path procRoot;

    public LinuxProcessFinder() {
        this(Path.of("/proc"));
    }

    /** For tests: a folder laid out like /proc. */
    public LinuxProcessFinder(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** Pids of every process whose comm or argv[0] names {@code executableName}, in ascending order. */
    public List<Long> findByName(String executableName) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot, LinuxProcessFinder::isPidFolder)) {
            for (Path dir : dirs) {
                if (matches(dir, executableName)) {
                    pids.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        pids.sort(null);
        return pids;
    }

    private static boolean isPidFolder(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static boolean matches(Path processDir, String executableName) {
        String wanted = executableName.toLowerCase(Locale.ROOT);
        // A name longer than comm can hold is only a prefix match there: argv[0] must decide.
        boolean commMatches = wanted.length() <= COMM_LENGTH
                && readSmallFile(processDir.resolve("comm"))
                        .map(comm -> comm.strip().toLowerCase(Locale.ROOT).equals(wanted))
                        .orElse(false);
        return commMatches || argv0Matches(processDir, wanted);
    }

    private static boolean argv0Matches(Path processDir, String wanted) {
        return readSmallFile(processDir.resolve("cmdline"))
                .map(cmdline -> {
                    int nul = cmdline.indexOf('\0');
                    return nul < 0 ? cmdline : cmdline.substring(0, nul);
                })
                .map(argv0 -> baseName(argv0).toLowerCase(Locale.ROOT).equals(wanted))
                .orElse(false);
    }

    /** Last element of a Linux or Windows path ("C:\\Games\\ELDEN RING\\Game\\eldenring.exe"). */
    static String baseName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }

    private static Optional<String> readSmallFile(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // the process ended meanwhile, or it is not ours to look at
        }
    }
}
