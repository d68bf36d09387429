package com.speedfog.racing.overlay.memory.linux;

import com.speedfog.racing.overlay.memory.ModuleInfo;
import com.speedfog.racing.overlay.memory.ProcessExitedException;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;
import com.speedfog.racing.overlay.testing.FakeEldenRing;
import com.speedfog.racing.overlay.testing.FakeGameProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real foreign process (a C program compiled here) that maps a fake eldenring.exe. */
class LinuxProcessMemoryTest {

    @TempDir
    static Path buildFolder;
    private static Path binary;

    @TempDir
    Path gameFolder;
    private FakeEldenRing game;
    private FakeGameProcess process;

    @BeforeAll
    static void compile() throws Exception {
        binary = FakeGameProcess.compile(buildFolder);
    }

    @BeforeEach
    void startGame() throws Exception {
        game = FakeEldenRing.current();
        process = FakeGameProcess.start(binary, gameFolder, game, FakeEldenRing.MODULE);
    }

    @AfterEach
    void stopGame() throws Exception {
        process.close();
    }

    @Test
    void findsTheProcessByNameAndTheModuleThroughMaps() throws Exception {
        assertThat(new LinuxProcessFinder().findByName("eldenring.exe")).contains(process.pid());

        try (LinuxProcessMemory memory = LinuxProcessMemory.attach("eldenring.exe")) {
            assertThat(memory.pid()).isEqualTo(process.pid());
            ModuleInfo module = memory.findModule("eldenring.exe").orElseThrow();
            assertThat(module.base()).isEqualTo(FakeEldenRing.BASE);
            assertThat(module.size()).isEqualTo(FakeEldenRing.IMAGE_SIZE);
            assertThat(module.path()).isEqualTo(process.imageFile().toRealPath().toString()).contains("ELDEN RING/Game");
            assertThat(memory.findModule("ntdll.dll")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LinuxReadMethod.class)
    void readsTheImageAndSeesChanges(LinuxReadMethod method) throws Exception {
        try (LinuxProcessMemory memory = LinuxProcessMemory.open(process.pid(), method)) {
            byte[] whole = memory.read(FakeEldenRing.BASE, FakeEldenRing.IMAGE_SIZE);
            assertThat(whole).isEqualTo(game.image());
            assertThat(memory.readMethod()).isEqualTo(method);

            process.apply(game.deaths(41));
            byte[] deathsAfter = memory.read(FakeEldenRing.BASE + 0x210094, 4);
            assertThat(deathsAfter).isEqualTo(Arrays.copyOfRange(game.image(), 0x210094, 0x210098));
            assertThat(deathsAfter[0]).isEqualTo((byte) 41);
        }
    }

    @ParameterizedTest
    @EnumSource(LinuxReadMethod.class)
    void unmappedAddressesAreUnreadableNotFatal(LinuxReadMethod method) {
        try (LinuxProcessMemory memory = LinuxProcessMemory.open(process.pid(), method)) {
            long end = FakeEldenRing.BASE + FakeEldenRing.IMAGE_SIZE;
            assertThatThrownBy(() -> memory.read(0x10, 8)).isInstanceOf(UnreadableMemoryException.class);
            assertThatThrownBy(() -> memory.read(0x7FFF_0000_0000L, 8)).isInstanceOf(UnreadableMemoryException.class);
            assertThatThrownBy(() -> memory.read(end - 4, 8)).as("runs past the mapping").isInstanceOf(UnreadableMemoryException.class);
            assertThat(memory.read(end - 4, 4)).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(LinuxReadMethod.class)
    void aProcessThatExitedIsReportedAsSuch(LinuxReadMethod method) throws Exception {
        try (LinuxProcessMemory memory = LinuxProcessMemory.open(process.pid(), method)) {
            memory.read(FakeEldenRing.BASE, 2);
            process.kill();

            assertThatThrownBy(() -> memory.read(FakeEldenRing.BASE, 2)).isInstanceOf(ProcessExitedException.class);
        }
        assertThatThrownBy(() -> LinuxProcessMemory.open(process.pid(), method)).isInstanceOf(ProcessExitedException.class);
    }

    @Test
    void aGameThatIsNotRunningSaysSo() {
        assertThatThrownBy(() -> LinuxProcessMemory.attach("nightreign_not_running.exe"))
                .isInstanceOf(ProcessNotFoundException.class)
                .hasMessageStartingWith("Game not running: no process named nightreign_not_running.exe");
    }
}
