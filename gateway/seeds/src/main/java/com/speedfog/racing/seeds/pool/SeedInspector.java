package com.speedfog.racing.seeds.pool;

import com.speedfog.racing.seeds.graph.InvalidSeedGraphException;
import com.speedfog.racing.seeds.graph.SeedGraph;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks inside a seed folder or zip: checks that nothing in it can point outside it, finds graph.json and
 * parses it. Everything it refuses comes out as a {@link SeedRejectedException} with a reason for people.
 */
final class SeedInspector {

    /** graph.json files are tens of kilobytes; anything this large is not a graph (or is a zip bomb). */
    static final int MAX_GRAPH_BYTES = 16 * 1024 * 1024;

    record Inspection(String contentRoot, SeedGraph graph) {
    }

    private SeedInspector() {
    }

    static Inspection inspect(Path seed, SeedKind kind) {
        return kind == SeedKind.ZIP ? inspectZip(seed) : inspectFolder(seed);
    }

    static Inspection inspectFolder(Path folder) {
        List<String> files = listFolder(folder);
        String contentRoot = GraphLocation.contentRoot(files);
        Path graphFile = folder.resolve(contentRoot + SeedGraph.FILE_NAME);
        try (InputStream in = Files.newInputStream(graphFile)) {
            return new Inspection(contentRoot, parseGraph(in, contentRoot));
        } catch (IOException e) {
            throw new SeedRejectedException(contentRoot + SeedGraph.FILE_NAME + " cannot be read: " + e.getMessage(), e);
        }
    }

    static Inspection inspectZip(Path zipPath) {
        try (ZipFile zip = ZipFile.builder().setPath(zipPath).get()) {
            List<String> files = checkZipEntries(zip);
            String contentRoot = GraphLocation.contentRoot(files);
            ZipArchiveEntry graphEntry = zip.getEntry(contentRoot + SeedGraph.FILE_NAME);
            if (!zip.canReadEntryData(graphEntry)) {
                throw new SeedRejectedException(graphEntry.getName() + " is encrypted or uses an unsupported compression"
                        + " method: store it plainly or deflated");
            }
            try (InputStream in = zip.getInputStream(graphEntry)) {
                return new Inspection(contentRoot, parseGraph(in, contentRoot));
            }
        } catch (IOException e) {
            throw new SeedRejectedException("not a readable zip file (" + e.getMessage() + "): re-create the zip", e);
        }
    }

    /** Every file name in the zip after checking every entry is safe to unpack. */
    static List<String> checkZipEntries(ZipFile zip) {
        List<String> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            SafeEntryNames.problem(name).ifPresent(reason -> {
                throw new SeedRejectedException("unsafe zip: " + reason);
            });
            // commons-compress turns '\' into '/' for names written by Windows tools; the bytes tell the truth.
            if (containsBackslash(entry.getRawName())) {
                throw new SeedRejectedException("unsafe zip: entry '" + name + "' is stored with '\\' in its name:"
                        + " zip entry names must use '/'");
            }
            if (entry.isUnixSymlink()) {
                throw new SeedRejectedException("unsafe zip: entry '" + name + "' is a symbolic link: seed zips may"
                        + " hold only files and folders");
            }
            if (entry.getGeneralPurposeBit().usesEncryption()) {
                throw new SeedRejectedException("entry '" + name + "' is encrypted: seed zips must not use a password");
            }
            String key = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (!seen.add(key)) {
                throw new SeedRejectedException("unsafe zip: entry '" + name + "' appears twice: unzip tools would"
                        + " disagree on which one wins");
            }
            if (!entry.isDirectory()) {
                files.add(name);
            }
        }
        return files;
    }

    private static boolean containsBackslash(byte[] rawName) {
        if (rawName == null) {
            return false;
        }
        for (byte b : rawName) {
            if (b == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Relative paths of every file in the folder, after checking that no symbolic link leads out of it. */
    static List<String> listFolder(Path folder) {
        List<String> files = new ArrayList<>();
        try {
            Path realRoot = folder.toRealPath();
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String relative = relative(folder, file);
                    if (attributes.isSymbolicLink()) {
                        checkLink(file, relative, realRoot);
                        files.add(relative);
                    } else if (attributes.isRegularFile()) {
                        files.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new SeedRejectedException("'" + relative(folder, file) + "' cannot be read: " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new SeedRejectedException("the seed folder cannot be read: " + e.getMessage(), e);
        }
        return files;
    }

    private static void checkLink(Path link, String relative, Path realRoot) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SeedRejectedException("symbolic link '" + relative + "' points to nothing: remove it");
        } catch (IOException e) {
            throw new SeedRejectedException("symbolic link '" + relative + "' cannot be followed: " + e.getMessage(), e);
        }
        if (!target.startsWith(realRoot)) {
            throw new SeedRejectedException("symbolic link '" + relative + "' points outside the seed folder (to "
                    + target + "): copy the file into the seed instead");
        }
        if (Files.isDirectory(target)) {
            throw new SeedRejectedException("symbolic link '" + relative + "' points to a folder: only files may be"
                    + " linked inside a seed");
        }
    }

    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static SeedGraph parseGraph(InputStream in, String contentRoot) throws IOException {
        String label = contentRoot + SeedGraph.FILE_NAME;
        byte[] json = in.readNBytes(MAX_GRAPH_BYTES + 1);
        if (json.length > MAX_GRAPH_BYTES) {
            throw new SeedRejectedException(label + " is larger than " + (MAX_GRAPH_BYTES >> 20)
                    + " MB: it is not a SpeedFog graph");
        }
        try {
            return SeedGraph.parse(new ByteArrayInputStream(json), label);
        } catch (InvalidSeedGraphException e) {
            throw new SeedRejectedException(e.getMessage(), e);
        }
    }
}
