package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds byte patterns in a module image read from another process in chunks (1 MiB by default).
 * Consecutive chunks overlap by the longest pattern minus one byte so that a match straddling a
 * boundary is seen, and a match is only counted in the chunk where it starts, so never twice.
 */
public final class AobScanner {

    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    private static final int PAGE_SIZE = 4096;

    private final int chunkSize;

    public AobScanner() {
        this(DEFAULT_CHUNK_SIZE);
    }

    public AobScanner(int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.chunkSize = chunkSize;
    }

    /** Every match address of every pattern in {@code [start, start + length)}, in pattern order. */
    public Map<AobPattern, List<Long>> scan(ProcessMemory memory, long start, long length, List<AobPattern> patterns) {
        Map<AobPattern, List<Long>> matches = new LinkedHashMap<>();
        List<List<AobPattern>> byFirstByte = indexByFirstByte(patterns, matches);
        int longest = patterns.stream().mapToInt(AobPattern::length).max().orElse(1);
        long end = start + length;
        for (long chunkStart = start; chunkStart < end; chunkStart += chunkSize) {
            int starts = (int) Math.min(chunkSize, end - chunkStart);
            int readLength = (int) Math.min((long) starts + longest - 1, end - chunkStart);
            Chunk chunk = readTolerant(memory, chunkStart, readLength);
            byte[] data = chunk.data();
            for (int i = 0; i < starts; i++) {
                List<AobPattern> candidates = byFirstByte.get(data[i] & 0xFF);
                if (candidates == null) {
                    continue;
                }
                for (AobPattern pattern : candidates) {
                    if (i + pattern.length() <= readLength && pattern.matchesAt(data, i)
                            && chunk.readable(i, pattern.length())) {
                        matches.get(pattern).add(chunkStart + i);
                    }
                }
            }
        }
        return matches;
    }

    private static List<List<AobPattern>> indexByFirstByte(List<AobPattern> patterns, Map<AobPattern, List<Long>> matches) {
        List<List<AobPattern>> index = new ArrayList<>(256);
        for (int i = 0; i < 256; i++) {
            index.add(null);
        }
        for (AobPattern pattern : patterns) {
            if (matches.putIfAbsent(pattern, new ArrayList<>()) != null) {
                continue; // the same pattern listed twice is scanned once
            }
            List<AobPattern> slot = index.get(pattern.firstByte());
            if (slot == null) {
                slot = new ArrayList<>();
                index.set(pattern.firstByte(), slot);
            }
            slot.add(pattern);
        }
        return index;
    }

    /** Bytes read from the game; {@code holes} marks the offsets that could not be read (null: none). */
    private record Chunk(byte[] data, BitSet holes) {
        boolean readable(int offset, int length) {
            if (holes == null) {
                return true;
            }
            int hole = holes.nextSetBit(offset);
            return hole < 0 || hole >= offset + length;
        }
    }

    /**
     * Reads a chunk; when part of it is not mapped (gaps between an image's sections), reads it page
     * by page and marks the unreadable pages so that no match is claimed across them.
     */
    private static Chunk readTolerant(ProcessMemory memory, long address, int length) {
        try {
            return new Chunk(memory.read(address, length), null);
        } catch (UnreadableMemoryException whole) {
            byte[] data = new byte[length];
            BitSet holes = new BitSet(length);
            long page = address - Math.floorMod(address, PAGE_SIZE);
            for (; page < address + length; page += PAGE_SIZE) {
                long from = Math.max(page, address);
                int count = (int) (Math.min(page + PAGE_SIZE, address + length) - from);
                int offset = (int) (from - address);
                try {
                    System.arraycopy(memory.read(from, count), 0, data, offset, count);
                } catch (UnreadableMemoryException unmapped) {
                    holes.set(offset, offset + count);
                }
            }
            return new Chunk(data, holes);
        }
    }
}
