package com.speedfog.racing.overlay.memory.linux;

import com.speedfog.racing.overlay.memory.AccessDeniedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the message a player sees when Linux refuses to let the overlay read the game. */
public final class PtraceAdvice {

    private static final Path PTRACE_SCOPE = Path.of("/proc/sys/kernel/yama/ptrace_scope");

    private PtraceAdvice() {
    }

    public static AccessDeniedException refused(long pid, String detail) {
        return new AccessDeniedException(message(pid, detail, currentPtraceScope()));
    }

    static String message(long pid, String detail, String ptraceScope) {
        return "Linux refused to let the overlay read the game's memory (pid " + pid + ": " + detail + "). "
                + "Run the overlay as the same user as the game (not with sudo, not from a sandbox such as Flatpak), "
                + "and allow reading another process: run 'sudo sysctl kernel.yama.ptrace_scope=0' "
                + "(until the next reboot; kernel.yama.ptrace_scope is currently " + ptraceScope + "), "
                + "or give Java the right once with 'sudo setcap cap_sys_ptrace=ep \"$(readlink -f \"$(which java)\")\"'.";
    }

    private static String currentPtraceScope() {
        try {
            return Files.readString(PTRACE_SCOPE).strip();
        } catch (IOException | SecurityException e) {
            return "not set (no Yama module)";
        }
    }
}
