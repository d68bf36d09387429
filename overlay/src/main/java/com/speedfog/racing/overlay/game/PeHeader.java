package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;

import java.util.Optional;

/**
 * The parts of a mapped PE image's headers we use: its size in memory, and where its resource
 * directory is (for the version). Read from the image's first bytes in the game's memory.
 */
public record PeHeader(long sizeOfImage, long resourceRva, long resourceSize) {

    private static final int PE32 = 0x10B;
    private static final int PE32_PLUS = 0x20B;
    private static final int RESOURCE_DIRECTORY = 2;
    private static final int MAX_HEADER_OFFSET = 0x1000;

    /** Empty when the bytes at {@code imageBase} are not a PE image we understand. */
    public static Optional<PeHeader> read(ProcessMemory memory, long imageBase) {
        try {
            byte[] dos = memory.read(imageBase, 0x40);
            if (dos[0] != 'M' || dos[1] != 'Z') {
                return Optional.empty();
            }
            int ntOffset = LittleEndian.i32(dos, 0x3C);
            if (ntOffset < 0x40 || ntOffset > MAX_HEADER_OFFSET) {
                return Optional.empty();
            }
            byte[] nt = memory.read(imageBase + ntOffset, 24 + 240);
            if (nt[0] != 'P' || nt[1] != 'E' || nt[2] != 0 || nt[3] != 0) {
                return Optional.empty();
            }
            int optional = 24;
            int magic = LittleEndian.u16(nt, optional);
            int directories;
            int directoryCount;
            if (magic == PE32_PLUS) {
                directoryCount = LittleEndian.i32(nt, optional + 108);
                directories = optional + 112;
            } else if (magic == PE32) {
                directoryCount = LittleEndian.i32(nt, optional + 92);
                directories = optional + 96;
            } else {
                return Optional.empty();
            }
            long sizeOfImage = LittleEndian.u32(nt, optional + 56);
            if (directoryCount <= RESOURCE_DIRECTORY) {
                return Optional.of(new PeHeader(sizeOfImage, 0, 0));
            }
            int resource = directories + RESOURCE_DIRECTORY * 8;
            return Optional.of(new PeHeader(sizeOfImage, LittleEndian.u32(nt, resource), LittleEndian.u32(nt, resource + 4)));
        } catch (UnreadableMemoryException e) {
            return Optional.empty();
        }
    }

    public boolean hasResources() {
        return resourceRva != 0 && resourceSize != 0;
    }
}
