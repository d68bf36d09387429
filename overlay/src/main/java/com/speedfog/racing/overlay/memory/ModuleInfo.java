package com.speedfog.racing.overlay.memory;

/** A module (executable image) mapped in a process: where it starts and how far it extends. */
public record ModuleInfo(String name, String path, long base, long size) {

    public ModuleInfo {
        if (size <= 0) {
            throw new IllegalArgumentException("module size must be positive: " + size);
        }
    }

    public long end() {
        return base + size;
    }

    public boolean contains(long address) {
        return address >= base && address < end();
    }
}
