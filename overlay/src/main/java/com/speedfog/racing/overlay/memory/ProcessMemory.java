package com.speedfog.racing.overlay.memory;

import java.util.Optional;

/**
 * Read-only access to another process's memory. Implementations never write to the game.
 *
 * <p>Reads either return every requested byte or throw: {@link UnreadableMemoryException} when the
 * address range is not mapped (a null or stale pointer, normal while the game loads), or a
 * {@link ProcessAccessException} when the process cannot be read at all (gone, access refused).
 */
public interface ProcessMemory extends AutoCloseable {

    /** Operating-system id of the process being read. */
    long pid();

    /** Reads {@code length} bytes starting at {@code address} in the other process. */
    byte[] read(long address, int length);

    /** Finds a loaded module (the game's executable image) by its file name, case-insensitively. */
    Optional<ModuleInfo> findModule(String moduleFileName);

    @Override
    void close();
}
