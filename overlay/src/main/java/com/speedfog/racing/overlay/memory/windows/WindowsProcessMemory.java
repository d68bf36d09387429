package com.speedfog.racing.overlay.memory.windows;

import com.speedfog.racing.overlay.memory.AccessDeniedException;
import com.speedfog.racing.overlay.memory.ModuleInfo;
import com.speedfog.racing.overlay.memory.ProcessExitedException;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;

import java.util.Optional;

/**
 * Reads the game on Windows with ReadProcessMemory. The handle asks for the least we need: read
 * memory and query limited information, nothing that could change the game.
 */
public final class WindowsProcessMemory implements ProcessMemory {

    private static final int READ_ONLY_ACCESS = WinNT.PROCESS_VM_READ | WinNT.PROCESS_QUERY_LIMITED_INFORMATION;
    private static final int STILL_ACTIVE = 259;
    private static final String EAC_ADVICE = "Windows denied access to the game (is Easy Anti-Cheat on? "
            + "SpeedFog needs EAC off: start the game through the SpeedFog launcher or with EAC disabled). "
            + "If EAC is off, run the overlay as the same user as the game, or as administrator.";

    private final long pid;
    private final WinNT.HANDLE handle;

    private WindowsProcessMemory(long pid, WinNT.HANDLE handle) {
        this.pid = pid;
        this.handle = handle;
    }

    /** Opens the first process whose executable file name is {@code processName}. */
    public static WindowsProcessMemory attach(String processName) {
        int pid = findPid(processName).orElseThrow(() -> new ProcessNotFoundException(processName));
        WinNT.HANDLE handle = Kernel32.INSTANCE.OpenProcess(READ_ONLY_ACCESS, false, pid);
        if (handle == null) {
            int error = Native.getLastError();
            if (error == WinError.ERROR_ACCESS_DENIED) {
                throw new AccessDeniedException(EAC_ADVICE);
            }
            if (error == WinError.ERROR_INVALID_PARAMETER) {
                throw new ProcessNotFoundException(processName); // it exited between listing and opening
            }
            throw new AccessDeniedException("Could not open the game process (pid " + pid + "): Windows error " + error + ".");
        }
        return new WindowsProcessMemory(pid, handle);
    }

    private static Optional<Integer> findPid(String processName) {
        WinNT.HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPPROCESS, new DWORD(0));
        if (WinBase.INVALID_HANDLE_VALUE.equals(snapshot)) {
            return Optional.empty();
        }
        try {
            Tlhelp32.PROCESSENTRY32.ByReference entry = new Tlhelp32.PROCESSENTRY32.ByReference();
            for (boolean more = Kernel32.INSTANCE.Process32First(snapshot, entry); more;
                 more = Kernel32.INSTANCE.Process32Next(snapshot, entry)) {
                if (Native.toString(entry.szExeFile).equalsIgnoreCase(processName)) {
                    return Optional.of(entry.th32ProcessID.intValue());
                }
            }
            return Optional.empty();
        } finally {
            Kernel32.INSTANCE.CloseHandle(snapshot);
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public byte[] read(long address, int length) {
        if (length == 0) {
            return new byte[0];
        }
        if (address <= 0) {
            throw new UnreadableMemoryException(address, length, "null pointer");
        }
        Memory buffer = new Memory(length);
        IntByReference read = new IntByReference();
        if (Kernel32.INSTANCE.ReadProcessMemory(handle, new Pointer(address), buffer, length, read)
                && read.getValue() == length) {
            return buffer.getByteArray(0, length);
        }
        int error = Native.getLastError();
        if (error == WinError.ERROR_ACCESS_DENIED) {
            throw new AccessDeniedException(EAC_ADVICE);
        }
        if (!isAlive()) {
            throw new ProcessExitedException(pid);
        }
        throw new UnreadableMemoryException(address, length, "Windows error " + error);
    }

    private boolean isAlive() {
        IntByReference code = new IntByReference();
        return Kernel32.INSTANCE.GetExitCodeProcess(handle, code) && code.getValue() == STILL_ACTIVE;
    }

    @Override
    public Optional<ModuleInfo> findModule(String moduleFileName) {
        DWORD flags = new DWORD(Tlhelp32.TH32CS_SNAPMODULE.longValue() | Tlhelp32.TH32CS_SNAPMODULE32.longValue());
        WinNT.HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(flags, new DWORD(pid));
        if (WinBase.INVALID_HANDLE_VALUE.equals(snapshot)) {
            int error = Native.getLastError();
            if (error == WinError.ERROR_ACCESS_DENIED) {
                throw new AccessDeniedException(EAC_ADVICE);
            }
            if (!isAlive()) {
                throw new ProcessExitedException(pid);
            }
            return Optional.empty(); // ERROR_PARTIAL_COPY while the game is still starting: try again later
        }
        try {
            Tlhelp32.MODULEENTRY32W entry = new Tlhelp32.MODULEENTRY32W();
            for (boolean more = Kernel32.INSTANCE.Module32FirstW(snapshot, entry); more;
                 more = Kernel32.INSTANCE.Module32NextW(snapshot, entry)) {
                if (entry.szModule().equalsIgnoreCase(moduleFileName)) {
                    return Optional.of(new ModuleInfo(moduleFileName, entry.szExePath(),
                            Pointer.nativeValue(entry.modBaseAddr), entry.modBaseSize.longValue()));
                }
            }
            return Optional.empty();
        } finally {
            Kernel32.INSTANCE.CloseHandle(snapshot);
        }
    }

    @Override
    public void close() {
        Kernel32.INSTANCE.CloseHandle(handle);
    }
}
