package com.speedfog.racing.seeds;

import com.speedfog.racing.seeds.demo.DemoFiles;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

/** Builds real pool folders, seed folders and seed zips on disk for tests. */
public final class TestSeeds {

    private TestSeeds() {
    }

    public static byte[] graphV3() {
        return DemoFiles.sampleGraphV3();
    }

    public static byte[] graphV4() {
        return DemoFiles.sampleGraphV4();
    }

    public static Path pool(Path root, String name, String displayName) throws IOException {
        Path pool = Files.createDirectories(root.resolve(name));
        Files.writeString(pool.resolve("config.toml"), "display_name = \"" + displayName + "\"\n");
        return pool;
    }

    /** A folder holding the given files (relative path with '/' -> content). */
    public static Path folder(Path folder, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return folder;
    }

    /**
     * A zip written the way streaming tools write it: deflated entries with data descriptors (the output
     * cannot seek), and entries whose name ends in ".stored" kept uncompressed.
     */
    public static Path zip(Path zip, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(new NonSeekable(file))) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getKey());
                if (entry.getKey().endsWith(".stored")) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setMethod(ZipArchiveEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                out.putArchiveEntry(zipEntry);
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Hides the FileOutputStream type so nothing can seek back into the output. */
    private static final class NonSeekable extends FilterOutputStream {
        NonSeekable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }
    }
}
