package com.speedfog.racing.overlay.memory.linux;

/** How bytes are taken from the other process. */
public enum LinuxReadMethod {
    /** One syscall per read, no file descriptor: the normal path. */
    PROCESS_VM_READV,
    /** Positional reads of /proc/PID/mem: works where process_vm_readv is missing or filtered (seccomp). */
    PROC_PID_MEM
}
