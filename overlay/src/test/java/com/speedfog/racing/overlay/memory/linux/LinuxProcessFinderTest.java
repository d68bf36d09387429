package com.speedfog.racing.overlay.memory.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The finder over a folder laid out like /proc; the real /proc is used in {@code LinuxProcessMemoryTest}. */
class LinuxProcessFinderTest {

    @TempDir
    Path proc;

    @Test
    void findsTheGameByCommOrByTheWindowsPathInArgvZero() throws IOException {
        process(1, "systemd", "/sbin/init\0");
        process(4100, "eldenring.exe", "Z:\\home\\p\\ELDEN RING\\Game\\eldenring.exe\0");
        process(4200, "wine64-preload", "C:\\Program Files\\ELDEN RING\\Game\\EldenRing.exe\0-eac-nop\0");
        // Proton's launcher names the exe only as an argument: not the game.
        process(4000, "python3", "/usr/bin/python3\0proton\0waitforexitandrun\0/games/ELDEN RING/Game/eldenring.exe\0");
        Files.createDirectories(proc.resolve("self"));

        assertThat(new LinuxProcessFinder(proc).findByName("eldenring.exe")).containsExactly(4100L, 4200L);
    }

    @Test
    void aNameLongerThanCommHoldsIsConfirmedByArgvZero() throws IOException {
        process(5000, "start_protected", "C:\\Games\\ELDEN RING\\Game\\start_protected_game.exe\0");
        process(5001, "start_protected", "/opt/start_protected_other\0");

        assertThat(new LinuxProcessFinder(proc).findByName("start_protected_game.exe")).containsExactly(5000L);
    }

    @Test
    void processesThatVanishOrHideTheirFilesAreSkipped() throws IOException {
        Files.createDirectories(proc.resolve("6000")); // no comm, no cmdline: exited meanwhile

        assertThat(new LinuxProcessFinder(proc).findByName("eldenring.exe")).isEmpty();
        assertThat(new LinuxProcessFinder(proc.resolve("missing")).findByName("eldenring.exe")).isEmpty();
    }

    @Test
    void baseNameHandlesBothSeparators() {
        assertThat(LinuxProcessFinder.baseName("C:\\a b\\eldenring.exe")).isEqualTo("eldenring.exe");
        assertThat(LinuxProcessFinder.baseName("/a b/eldenring.exe")).isEqualTo("eldenring.exe");
        assertThat(LinuxProcessFinder.baseName("eldenring.exe")).isEqualTo("eldenring.exe");
    }

    private void process(long pid, String comm, String cmdline) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("cmdline"), cmdline);
    }
}
