package com.speedfog.racing.overlay.memory.linux;

/** The errno values that change what we do. */
final class Errno {
    static final int EPERM = 1;
    static final int ESRCH = 3;
    static final int EIO = 5;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EFAULT = 14;
    static final int ENOSYS = 38;

    private Errno() {
    }
}
