package com.speedfog.racing.overlay.memory.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The one libc call we need. Declared with LastErrorException so errno comes back reliably. */
interface LibC extends Library {

    long process_vm_readv(int pid, Iovec localIov, long localCount, Iovec remoteIov, long remoteCount, long flags)
            throws LastErrorException;

    /** Loaded on first use so that a JVM without JNA's native part can still fall back to /proc/PID/mem. */
    final class Holder {
        static final LibC INSTANCE = Native.load("c", LibC.class);

        private Holder() {
        }
    }
}
