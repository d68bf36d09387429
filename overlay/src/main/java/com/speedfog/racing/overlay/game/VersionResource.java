package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;

import java.util.Optional;

/**
 * Reads the file version from a mapped PE image's RT_VERSION resource: resource directory, then
 * type 16, its first name, its first language, then the VS_FIXEDFILEINFO inside the data.
 */
public final class VersionResource {

    private static final int RT_VERSION = 16;
    private static final long SUBDIRECTORY = 0x80000000L;
    private static final long FIXED_FILE_INFO_SIGNATURE = 0xFEEF04BDL;
    private static final int MAX_ENTRIES = 512;
    private static final int MAX_VERSION_DATA = 64 * 1024;

    private VersionResource() {
    }

    public static Optional<FileVersion> read(ProcessMemory memory, long imageBase, PeHeader header) {
        if (!header.hasResources()) {
            return Optional.empty();
        }
        try {
            long root = imageBase + header.resourceRva();
            long typeEntry = findEntry(memory, root, RT_VERSION);
            if (typeEntry < 0 || (typeEntry & SUBDIRECTORY) == 0) {
                return Optional.empty();
            }
            long nameEntry = findEntry(memory, root + (typeEntry & ~SUBDIRECTORY), -1);
            if (nameEntry < 0 || (nameEntry & SUBDIRECTORY) == 0) {
                return Optional.empty();
            }
            long languageEntry = findEntry(memory, root + (nameEntry & ~SUBDIRECTORY), -1);
            if (languageEntry < 0 || (languageEntry & SUBDIRECTORY) != 0) {
                return Optional.empty();
            }
            byte[] dataEntry = memory.read(root + languageEntry, 8);
            long dataRva = LittleEndian.u32(dataEntry, 0);
            int dataSize = (int) Math.min(LittleEndian.u32(dataEntry, 4), MAX_VERSION_DATA);
            return fixedFileVersion(memory.read(imageBase + dataRva, dataSize));
        } catch (UnreadableMemoryException e) {
            return Optional.empty();
        }
    }

    /**
     * The OffsetToData of the entry with id {@code wantedId} in the directory at {@code directory}
     * ({@code -1}: the first entry of any id), or -1 when there is none.
     */
    private static long findEntry(ProcessMemory memory, long directory, int wantedId) {
        byte[] head = memory.read(directory, 16);
        int count = Math.min(LittleEndian.u16(head, 12) + LittleEndian.u16(head, 14), MAX_ENTRIES);
        if (count == 0) {
            return -1;
        }
        byte[] entries = memory.read(directory + 16, count * 8);
        for (int i = 0; i < count; i++) {
            long name = LittleEndian.u32(entries, i * 8);
            boolean namedByString = (name & SUBDIRECTORY) != 0;
            if (wantedId < 0 || (!namedByString && name == wantedId)) {
                return LittleEndian.u32(entries, i * 8 + 4);
            }
        }
        return -1;
    }

    static Optional<FileVersion> fixedFileVersion(byte[] versionInfo) {
        for (int offset = 0; offset + 16 <= versionInfo.length; offset += 4) {
            if (LittleEndian.u32(versionInfo, offset) == FIXED_FILE_INFO_SIGNATURE) {
                long ms = LittleEndian.u32(versionInfo, offset + 8);
                long ls = LittleEndian.u32(versionInfo, offset + 12);
                return Optional.of(new FileVersion((int) (ms >>> 16), (int) (ms & 0xFFFF), (int) (ls >>> 16), (int) (ls & 0xFFFF)));
            }
        }
        return Optional.empty();
    }
}
