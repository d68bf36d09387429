package com.speedfog.racing.overlay.memory.linux;

import com.speedfog.racing.overlay.memory.ModuleInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcMapsTest {

    // Shaped like a Proton game's maps: the exe in several pieces, anonymous gaps, libraries.
    private static final List<String> MAPS = List.of(
            "00010000-00011000 r--p 00000000 00:00 0 ",
            "140000000-140001000 r--p 00000000 08:02 1234567                    /home/p/.steam/steamapps/common/ELDEN RING/Game/eldenring.exe",
            "140001000-142a00000 r-xp 00001000 08:02 1234567                    /home/p/.steam/steamapps/common/ELDEN RING/Game/eldenring.exe",
            "142a00000-142b00000 rw-p 00000000 00:00 0 ",
            "142b00000-1454c0000 rw-p 02a00000 08:02 1234567                    /home/p/.steam/steamapps/common/ELDEN RING/Game/eldenring.exe",
            "7f0000000000-7f0000100000 r--p 00000000 08:02 99                   /home/p/other copy/eldenring.exe",
            "7f0000200000-7f0000300000 r-xp 00000000 08:02 77                   /usr/lib/wine/x86_64-unix/ntdll.so (deleted)",
            "7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                    [stack]",
            "not a maps line");

    @Test
    void parsesPathsWithSpacesAndDeletedMarkers() {
        List<MapsEntry> entries = ProcMaps.parse(MAPS);

        assertThat(entries).hasSize(8);
        assertThat(entries.get(1)).isEqualTo(new MapsEntry(0x140000000L, 0x140001000L, "r--p", 0,
                "/home/p/.steam/steamapps/common/ELDEN RING/Game/eldenring.exe"));
        assertThat(entries.get(0).path()).isEmpty();
        assertThat(entries.get(6).path()).isEqualTo("/usr/lib/wine/x86_64-unix/ntdll.so");
        assertThat(entries.get(7).path()).isEqualTo("[stack]");
    }

    @Test
    void theModuleSpansFromItsLowestStartToItsHighestEndInTheFirstFileOfThatName() {
        ModuleInfo module = ProcMaps.findModule(ProcMaps.parse(MAPS), "EldenRing.exe").orElseThrow();

        assertThat(module.base()).isEqualTo(0x140000000L);
        assertThat(module.size()).isEqualTo(0x1454c0000L - 0x140000000L);
        assertThat(module.path()).endsWith("/ELDEN RING/Game/eldenring.exe");
    }

    @Test
    void noSuchModule() {
        assertThat(ProcMaps.findModule(ProcMaps.parse(MAPS), "start_protected_game.exe")).isEmpty();
        assertThat(ProcMaps.findModule(ProcMaps.parse(MAPS), "stack]")).isEmpty();
    }
}
