package com.speedfog.racing.overlay.testing;

import com.speedfog.racing.overlay.memory.ModuleInfo;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A process memory made of one byte array at a base address, for unit tests. It reads the array
 * live (changes to it show in the next read) and can have unreadable holes, like unmapped pages.
 */
public final class FakeMemory implements ProcessMemory {

    private final long base;
    private final byte[] data;
    private final List<long[]> holes = new ArrayList<>();
    private ModuleInfo module;
    private int reads;

    public FakeMemory(long base, byte[] data) {
        this.base = base;
        this.data = data;
    }

    /** Makes {@code [from, to)} unreadable. */
    public FakeMemory withHole(long from, long to) {
        holes.add(new long[] {from, to});
        return this;
    }

    public FakeMemory withModule(String name, String path) {
        this.module = new ModuleInfo(name, path, base, data.length);
        return this;
    }

    public int reads() {
        return reads;
    }

    @Override
    public long pid() {
        return 4242;
    }

    @Override
    public byte[] read(long address, int length) {
        reads++;
        if (address < base || address + length > base + data.length) {
            throw new UnreadableMemoryException(address, length, "outside the fake memory");
        }
        for (long[] hole : holes) {
            if (address < hole[1] && address + length > hole[0]) {
                throw new UnreadableMemoryException(address, length, "in a hole");
            }
        }
        int offset = (int) (address - base);
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    @Override
    public Optional<ModuleInfo> findModule(String moduleFileName) {
        return Optional.ofNullable(module).filter(m -> m.name().equalsIgnoreCase(moduleFileName));
    }

    @Override
    public void close() {
    }
}
