package com.speedfog.racing.overlay.memory.linux;

import com.speedfog.racing.overlay.memory.ModuleInfo;
import com.speedfog.racing.overlay.memory.ProcessExitedException;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Linux process (the game under Steam Proton) with process_vm_readv, falling back to
 * /proc/PID/mem when that syscall is missing or filtered. Both need ptrace permission over the game.
 */
public final class LinuxProcessMemory implements ProcessMemory {

    private final long pid;
    private final Path procDir;
    private volatile LinuxReadMethod method;
    private FileChannel procMem;

    private LinuxProcessMemory(long pid, LinuxReadMethod method) {
        this.pid = pid;
        this.procDir = Path.of("/proc", Long.toString(pid));
        this.method = method;
    }

    /**
     * Attaches to the process named {@code processName}, preferring one whose maps hold a module of
     * that same name (the game's own executable); a game still starting may not map it yet.
     */
    public static LinuxProcessMemory attach(String processName) {
        return attach(processName, LinuxReadMethod.PROCESS_VM_READV);
    }

    public static LinuxProcessMemory attach(String processName, LinuxReadMethod method) {
        List<Long> candidates = new LinuxProcessFinder().findByName(processName);
        // Proton also runs helpers whose command line names the exe; the game is the one mapping it.
        for (long pid : candidates) {
            try {
                LinuxProcessMemory memory = open(pid, method);
                if (memory.findModule(processName).isPresent()) {
                    return memory;
                }
                memory.close();
            } catch (ProcessExitedException exitedMeanwhile) {
                // try the next one
            }
        }
        if (candidates.isEmpty()) {
            throw new ProcessNotFoundException(processName);
        }
        return open(candidates.get(0), method);
    }

    /** Opens a known pid; {@code method} is the first way tried (process_vm_readv falls back by itself). */
    public static LinuxProcessMemory open(long pid, LinuxReadMethod method) {
        if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            throw new ProcessExitedException(pid);
        }
        return new LinuxProcessMemory(pid, method);
    }

    @Override
    public long pid() {
        return pid;
    }

    /** The way reads are currently done (process_vm_readv may have fallen back to /proc/PID/mem). */
    public LinuxReadMethod readMethod() {
        return method;
    }

    @Override
    public byte[] read(long address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (length == 0) {
            return new byte[0];
        }
        if (address <= 0 || address + length < address) {
            throw new UnreadableMemoryException(address, length, "not a user-space address");
        }
        if (method == LinuxReadMethod.PROCESS_VM_READV) {
            Optional<byte[]> bytes = readWithSyscall(address, length);
            if (bytes.isPresent()) {
                return bytes.get();
            }
            method = LinuxReadMethod.PROC_PID_MEM;
        }
        return readProcMem(address, length);
    }

    /** Empty when the syscall cannot be used here at all, so the caller falls back to /proc/PID/mem. */
    private Optional<byte[]> readWithSyscall(long address, int length) {
        LibC libc;
        try {
            libc = LibC.Holder.INSTANCE;
        } catch (LinkageError e) {
            return Optional.empty();
        }
        Memory buffer = new Memory(length);
        long read;
        try {
            read = libc.process_vm_readv((int) pid, new Iovec(buffer, length), 1,
                    new Iovec(new Pointer(address), length), 1, 0);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            switch (errno) {
                case Errno.ENOSYS, Errno.EPERM -> {
                    // EPERM may come from a seccomp filter rather than ptrace rules: /proc/PID/mem decides.
                    return Optional.empty();
                }
                case Errno.ESRCH -> throw new ProcessExitedException(pid);
                default -> throw new UnreadableMemoryException(address, length, "errno " + errno);
            }
        }
        if (read != length) {
            throw new UnreadableMemoryException(address, length, "only " + read + " bytes mapped");
        }
        return Optional.of(buffer.getByteArray(0, length));
    }

    private byte[] readProcMem(long address, int length) {
        FileChannel channel = procMemChannel();
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, address + buffer.position());
                if (n <= 0) {
                    throw gone("end of /proc/" + pid + "/mem", address, length);
                }
            }
        } catch (IOException e) {
            throw gone(e.getMessage(), address, length);
        }
        return buffer.array();
    }

    private RuntimeException gone(String reason, long address, int length) {
        return Files.isDirectory(procDir)
                ? new UnreadableMemoryException(address, length, reason)
                : new ProcessExitedException(pid);
    }

    private synchronized FileChannel procMemChannel() {
        if (procMem == null) {
            try {
                procMem = FileChannel.open(procDir.resolve("mem"), StandardOpenOption.READ);
            } catch (AccessDeniedException e) {
                throw PtraceAdvice.refused(pid, "opening /proc/" + pid + "/mem: permission denied");
            } catch (IOException e) {
                if (!Files.isDirectory(procDir)) {
                    throw new ProcessExitedException(pid);
                }
                throw PtraceAdvice.refused(pid, "opening /proc/" + pid + "/mem: " + e.getMessage());
            }
        }
        return procMem;
    }

    @Override
    public Optional<ModuleInfo> findModule(String moduleFileName) {
        try {
            return ProcMaps.findModule(ProcMaps.parse(Files.readAllLines(procDir.resolve("maps"))), moduleFileName);
        } catch (IOException e) {
            if (!Files.isDirectory(procDir)) {
                throw new ProcessExitedException(pid);
            }
            throw PtraceAdvice.refused(pid, "reading /proc/" + pid + "/maps: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (procMem != null) {
            try {
                procMem.close();
            } catch (IOException ignored) {
                // nothing was written; closing a read-only descriptor cannot lose anything
            }
            procMem = null;
        }
    }
}
