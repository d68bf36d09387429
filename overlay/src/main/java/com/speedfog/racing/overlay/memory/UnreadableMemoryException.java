package com.speedfog.racing.overlay.memory;

/** The requested range is not mapped in the other process (null or stale pointer): not fatal. */
public class UnreadableMemoryException extends RuntimeException {

    private final long address;

    public UnreadableMemoryException(long address, int length, String reason) {
        super("cannot read " + length + " bytes at 0x" + Long.toHexString(address) + ": " + reason);
        this.address = address;
    }

    public long address() {
        return address;
    }
}
