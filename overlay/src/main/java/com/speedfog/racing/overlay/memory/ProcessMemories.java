package com.speedfog.racing.overlay.memory;

import com.speedfog.racing.overlay.memory.linux.LinuxProcessMemory;
import com.speedfog.racing.overlay.memory.windows.WindowsProcessMemory;
import com.sun.jna.Platform;

/** Opens the game process with the reader that fits the operating system we run on. */
public final class ProcessMemories {

    private ProcessMemories() {
    }

    /**
     * Attaches read-only to the process whose executable is {@code processName} (e.g. eldenring.exe).
     *
     * @throws ProcessNotFoundException when no such process runs
     * @throws AccessDeniedException    when the system refuses to let us read it
     */
    public static ProcessMemory attach(String processName) {
        if (Platform.isWindows()) {
            return WindowsProcessMemory.attach(processName);
        }
        if (Platform.isLinux()) {
            return LinuxProcessMemory.attach(processName);
        }
        throw new ProcessAccessException("Reading the game is supported on Windows and on Linux (Steam Proton) only, not on "
                + System.getProperty("os.name") + ".");
    }
}
