package com.speedfog.racing.overlay.memory.linux;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** {@code struct iovec}: one address range for process_vm_readv (size_t is 64-bit on the platforms we read). */
@Structure.FieldOrder({"iov_base", "iov_len"})
public class Iovec extends Structure {

    public Pointer iov_base;
    public long iov_len;

    public Iovec() {
    }

    public Iovec(Pointer base, long length) {
        this.iov_base = base;
        this.iov_len = length;
    }
}
