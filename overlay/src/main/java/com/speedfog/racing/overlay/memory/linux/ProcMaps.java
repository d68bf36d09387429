package com.speedfog.racing.overlay.memory.linux;

import com.speedfog.racing.overlay.memory.ModuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses /proc/PID/maps and locates a module (a mapped file) in it. */
public final class ProcMaps {

    private static final String DELETED_SUFFIX = " (deleted)";

    private ProcMaps() {
    }

    /** Parses maps lines; lines that do not look like mappings are skipped. */
    public static List<MapsEntry> parse(List<String> lines) {
        List<MapsEntry> entries = new ArrayList<>();
        for (String line : lines) {
            parseLine(line).ifPresent(entries::add);
        }
        return entries;
    }

    static Optional<MapsEntry> parseLine(String line) {
        // "start-end perms offset dev inode   path": the path is everything after the fifth field
        // and may itself contain spaces (Steam libraries often live under "ELDEN RING/Game").
        String[] fields = line.trim().split("\\s+", 6);
        if (fields.length < 5) {
            return Optional.empty();
        }
        int dash = fields[0].indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            long start = Long.parseUnsignedLong(fields[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(fields[0].substring(dash + 1), 16);
            long offset = Long.parseUnsignedLong(fields[2], 16);
            String path = fields.length == 6 ? fields[5].strip() : "";
            if (path.endsWith(DELETED_SUFFIX)) {
                path = path.substring(0, path.length() - DELETED_SUFFIX.length());
            }
            return Optional.of(new MapsEntry(start, end, fields[1], offset, path));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The module mapped from a file named {@code moduleFileName}: base is the lowest start of that
     * file's mappings, size reaches the highest end among them.
     */
    public static Optional<ModuleInfo> findModule(List<MapsEntry> entries, String moduleFileName) {
        long base = Long.MAX_VALUE;
        long end = 0;
        String path = null;
        for (MapsEntry entry : entries) {
            if (!entry.path().startsWith("/") || !entry.fileName().equalsIgnoreCase(moduleFileName)) {
                continue;
            }
            if (path == null) {
                path = entry.path();
            } else if (!path.equals(entry.path())) {
                continue; // same name from another folder: keep to the first file seen
            }
            base = Math.min(base, entry.start());
            end = Math.max(end, entry.end());
        }
        if (path == null) {
            return Optional.empty();
        }
        return Optional.of(new ModuleInfo(moduleFileName, path, base, end - base));
    }
}
