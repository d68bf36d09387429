package com.speedfog.racing.seeds.pack;

import com.speedfog.racing.seeds.pool.SafeEntryNames;
import com.speedfog.racing.seeds.pool.Seed;
import com.speedfog.racing.seeds.pool.SeedKind;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Streams a player's seed pack: a zip holding every file of the seed, plus {@code speedfog_race.toml} and
 * the overlay launchers {@code run-overlay.bat} / {@code run-overlay.sh} in the seed's content root (the
 * folder holding graph.json, so the overlay finds the toml in the folder the launcher passes it).
 *
 * <p>The zip is written straight to the given stream: nothing is buffered whole in memory or on disk. Zip
 * seeds are copied entry by entry without recompression; folder seeds are deflated on the fly.
 */
public final class SeedPackWriter {

    public static final String RACE_CONFIG_FILE = "speedfog_race.toml";
    public static final String WINDOWS_LAUNCHER = "run-overlay.bat";
    public static final String LINUX_LAUNCHER = "run-overlay.sh";
    /** Fast deflate: packs are made per player at race time, and most seed bytes are already compressed. */
    public static final int DEFAULT_DEFLATE_LEVEL = 1;

    private static final int FILE_MODE = UnixStat.FILE_FLAG | 0644;
    private static final int EXECUTABLE_MODE = UnixStat.FILE_FLAG | 0755;
    private static final int FOLDER_MODE = UnixStat.DIR_FLAG | 0755;

    private SeedPackWriter() {
    }

    /** Writes the pack with {@link #DEFAULT_DEFLATE_LEVEL}. {@code out} is left open. */
    public static void write(Seed seed, RacePackSettings settings, OutputStream out) throws IOException {
        write(seed, settings, out, DEFAULT_DEFLATE_LEVEL);
    }

    /**
     * Writes the pack to {@code out}, which is flushed and left open.
     *
     * @param deflateLevel 0-9, for the files this writer compresses (generated files, folder seeds)
     * @throws IOException when the seed cannot be read, no longer looks safe, or {@code out} fails
     */
    public static void write(Seed seed, RacePackSettings settings, OutputStream out, int deflateLevel) throws IOException {
        if (deflateLevel < Deflater.NO_COMPRESSION || deflateLevel > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("deflateLevel must be from 0 to 9 (was " + deflateLevel + ")");
        }
        // On failure nothing more is written and the stream is not closed: finishing would add a central
        // directory and turn a half-written pack into a valid-looking zip with files missing.
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new KeepOpenOutputStream(out));
        zip.setLevel(deflateLevel);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        String root = seed.contentRoot();
        addGenerated(zip, root + RACE_CONFIG_FILE, RaceTomlWriter.render(settings), FILE_MODE, now);
        addGenerated(zip, root + WINDOWS_LAUNCHER, launcher(WINDOWS_LAUNCHER).replace("\n", "\r\n"), FILE_MODE, now);
        addGenerated(zip, root + LINUX_LAUNCHER, launcher(LINUX_LAUNCHER), EXECUTABLE_MODE, now);
        if (seed.kind() == SeedKind.ZIP) {
            copyZipSeed(seed, zip);
        } else {
            copyFolderSeed(seed, zip);
        }
        zip.close(); // writes the central directory and frees the deflater; out stays open
    }

    /** Whether a seed file is left out because the pack writes its own version of it. */
    static boolean isReplaced(String path, String contentRoot) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals(RACE_CONFIG_FILE)) {
            return true; // a stale template anywhere in the seed could be picked up instead of the real one
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String rootLower = contentRoot.toLowerCase(Locale.ROOT);
        return lower.equals(rootLower + WINDOWS_LAUNCHER) || lower.equals(rootLower + LINUX_LAUNCHER);
    }

    private static void copyZipSeed(Seed seed, ZipArchiveOutputStream zip) throws IOException {
        try (ZipFile source = ZipFile.builder().setPath(seed.path()).get()) {
            for (ZipArchiveEntry entry : Collections.list(source.getEntriesInPhysicalOrder())) {
                String name = entry.getName();
                Optional<String> unsafe = SafeEntryNames.problem(name);
                if (unsafe.isPresent() || entry.isUnixSymlink() || entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new IOException("seed " + seed.id() + " changed since it was scanned and can no longer be"
                            + " packed: " + unsafe.orElse("entry '" + name + "' is a symbolic link or encrypted")
                            + "; rescan the pools");
                }
                if (isReplaced(name, seed.contentRoot())) {
                    continue;
                }
                // Sizes and CRC come from the central directory, so the copy gets a complete local header and
                // needs no data descriptor, even though the output cannot seek.
                try (InputStream raw = source.getRawInputStream(entry)) {
                    zip.addRawArchiveEntry(entry, raw);
                }
            }
        }
    }

    private static void copyFolderSeed(Seed seed, ZipArchiveOutputStream zip) throws IOException {
        Path folder = seed.path();
        Path realRoot = folder.toRealPath();
        for (Path path : folderContents(folder)) {
            String name = folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                ZipArchiveEntry entry = new ZipArchiveEntry(name + "/");
                entry.setMethod(ZipArchiveEntry.STORED);
                entry.setSize(0);
                entry.setCrc(0);
                entry.setUnixMode(FOLDER_MODE);
                entry.setLastModifiedTime(Files.getLastModifiedTime(path));
                zip.putArchiveEntry(entry);
                zip.closeArchiveEntry();
                continue;
            }
            if (isReplaced(name, seed.contentRoot())) {
                continue;
            }
            if (Files.isSymbolicLink(path) && !path.toRealPath().startsWith(realRoot)) {
                throw new IOException("seed " + seed.id() + " changed since it was scanned: '" + name
                        + "' links outside the seed folder; rescan the pools");
            }
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            entry.setSize(Files.size(path)); // lets the writer decide on Zip64 up front
            entry.setUnixMode(Files.isExecutable(path) && isPosix(path) ? EXECUTABLE_MODE : FILE_MODE);
            entry.setLastModifiedTime(Files.getLastModifiedTime(path));
            zip.putArchiveEntry(entry);
            try (InputStream in = Files.newInputStream(path)) {
                in.transferTo(zip);
            }
            zip.closeArchiveEntry();
        }
    }

    /** Folders and files under the seed folder in name order, without following links into folders. */
    private static List<Path> folderContents(Path folder) throws IOException {
        List<Path> paths = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(folder)) {
                    paths.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                    paths.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        paths.sort(null);
        return paths;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void addGenerated(ZipArchiveOutputStream zip, String name, String content, int mode, FileTime time)
            throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(bytes.length);
        entry.setUnixMode(mode);
        entry.setLastModifiedTime(time);
        zip.putArchiveEntry(entry);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    private static String launcher(String name) {
        try (InputStream in = SeedPackWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("launcher template " + name + " is missing from the seeds jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read launcher template " + name, e);
        }
    }
}
