package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads that turn "not there yet" into empty results: a null pointer, a pointer outside user space
 * or an unmapped address is normal while the game loads. Fatal errors (process gone, access
 * refused) still propagate.
 */
final class SafeReader {

    /** Below this, a "pointer" is a small integer or a null pointer with an offset. */
    private static final long LOWEST_POINTER = 0x10000L;
    /** Canonical x86-64 user-space addresses end below this. */
    private static final long USER_SPACE_END = 0x0000_8000_0000_0000L;

    private final ProcessMemory memory;

    SafeReader(ProcessMemory memory) {
        this.memory = memory;
    }

    static boolean isPlausiblePointer(long value) {
        return value >= LOWEST_POINTER && value < USER_SPACE_END;
    }

    Optional<byte[]> bytes(long address, int length) {
        if (!isPlausiblePointer(address)) {
            return Optional.empty();
        }
        try {
            return Optional.of(memory.read(address, length));
        } catch (UnreadableMemoryException e) {
            return Optional.empty();
        }
    }

    /** The pointer stored at {@code address}, empty when it is null or cannot be a pointer. */
    OptionalLong pointer(long address) {
        Optional<byte[]> bytes = bytes(address, 8);
        if (bytes.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = LittleEndian.u64(bytes.get(), 0);
        return isPlausiblePointer(value) ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** Follows {@code [[slot] + offset]}: the pointer inside the object a global points at. */
    OptionalLong pointer(OptionalLong base, int offset) {
        return base.isPresent() ? pointer(base.getAsLong() + offset) : OptionalLong.empty();
    }

    OptionalLong u32(long address) {
        return bytes(address, 4).map(b -> OptionalLong.of(LittleEndian.u32(b, 0))).orElse(OptionalLong.empty());
    }

    OptionalLong u32(OptionalLong base, int offset) {
        return base.isPresent() ? u32(base.getAsLong() + offset) : OptionalLong.empty();
    }

    OptionalLong i32(long address) {
        return bytes(address, 4).map(b -> OptionalLong.of(LittleEndian.i32(b, 0))).orElse(OptionalLong.empty());
    }

    OptionalLong u8(long address) {
        return bytes(address, 1).map(b -> OptionalLong.of(b[0] & 0xFF)).orElse(OptionalLong.empty());
    }
}
