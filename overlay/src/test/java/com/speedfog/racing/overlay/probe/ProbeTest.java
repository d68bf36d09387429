package com.speedfog.racing.overlay.probe;

import com.speedfog.racing.overlay.game.GameGlobal;
import com.speedfog.racing.overlay.memory.AccessDeniedException;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;
import com.speedfog.racing.overlay.memory.linux.LinuxProcessMemory;
import com.speedfog.racing.overlay.memory.linux.LinuxReadMethod;
import com.speedfog.racing.overlay.testing.FakeEldenRing;
import com.speedfog.racing.overlay.testing.FakeGameProcess;
import com.speedfog.racing.overlay.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeTest {

    private static final String CONFIG = """
            [server]
            url = "wss://race.example.org"
            race_id = "3f2b8c1e-9d4a-4e6b-8f1c-2a7d5e9b0c31"
            mod_token = "secret_token_value"
            """;

    @TempDir
    Path folder;

    @Test
    void printsWhatItReadsFromARealProcessOnceASampleWithTheSeedFlags() throws Exception {
        Path binary = FakeGameProcess.compile(Files.createDirectories(folder.resolve("build")));
        Path pack = Files.createDirectories(folder.resolve("pack"));
        Files.writeString(pack.resolve("speedfog_race.toml"), CONFIG);
        SeedFiles.copyGraph("v4", pack.resolve("graph.json"));
        FakeEldenRing game = FakeEldenRing.current();

        String output;
        long pid;
        try (FakeGameProcess process = FakeGameProcess.start(binary, folder, game, FakeEldenRing.MODULE)) {
            pid = process.pid();
            output = run(new ProbeOptions(FakeEldenRing.MODULE, Optional.of(pack), Duration.ofMillis(50), 2),
                    name -> LinuxProcessMemory.attach(name, LinuxReadMethod.PROCESS_VM_READV));
        }

        assertThat(output)
                .contains("config: " + pack.resolve("speedfog_race.toml") + " is valid")
                .doesNotContain("secret_token_value")
                .contains("watching 20 event flags from " + pack.resolve("graph.json"))
                .contains("process eldenring.exe found: pid " + pid)
                .contains("base 0x140000000, size 0x" + Integer.toHexString(FakeEldenRing.IMAGE_SIZE))
                .contains("game version 1.16.1 (file 2.6.1.0)")
                .contains("CSFD4VirtualMemoryFlag   0x" + Long.toHexString(FakeEldenRing.slotAddress(
                        GameGlobal.EVENT_FLAGS)) + " (pattern at 0x")
                .contains("GameDataMan              0x" + Long.toHexString(FakeEldenRing.slotAddress(
                        GameGlobal.GAME_DATA_MAN)) + " (alternative pattern 1 at 0x")
                .contains("IGT 0:01:23.456 (83456 ms) | deaths 3 | map m60_42_36_00 | position (1.50, -2.25, 100.00) | screen in game (0)")
                .contains("flags set 2/20: 1040292800 (liurnia_manor_9103), 1040292805 (outskirts_grave_ed1c)");
        assertThat(output.lines().filter(line -> line.contains("IGT ")).count()).isEqualTo(2);
    }

    @Test
    void waitsWhileTheGameIsNotRunningAndWatchesNoFlagsWithoutAConfig() {
        String output = run(new ProbeOptions("eldenring.exe", Optional.empty(), Duration.ofMillis(10), 2),
                name -> {
                    throw new ProcessNotFoundException(name);
                });

        assertThat(output).contains("no --config given: no event flags watched");
        assertThat(output.lines().filter(line -> line.contains("waiting: Game not running: no process named eldenring.exe")))
                .hasSize(2);
    }

    @Test
    void stopsWithTheAdviceWhenAccessIsDenied() {
        Probe probe = new Probe(new ProbeOptions("eldenring.exe", Optional.empty(), Duration.ofMillis(10), 5),
                new PrintStream(new ByteArrayOutputStream()), name -> {
                    throw new AccessDeniedException("is Easy Anti-Cheat on?");
                });

        assertThat(probe.run()).isEqualTo(Probe.EXIT_ACCESS_DENIED);
    }

    @Test
    void aBadConfigIsReportedAndTheFlagsAreStillWatched() throws Exception {
        Files.writeString(folder.resolve("speedfog_race.toml"), CONFIG.replace("wss://", "http://"));
        SeedFiles.copyGraph("v4", folder.resolve("graph.json"));

        String output = run(new ProbeOptions("eldenring.exe", Optional.of(folder.resolve("speedfog_race.toml")),
                Duration.ofMillis(10), 1), name -> {
                    throw new ProcessNotFoundException(name);
                });

        assertThat(output).contains("config: speedfog_race.toml: server.url must be a ws:// or wss:// URL (was 'http://race.example.org')")
                .contains("watching 20 event flags");
    }

    private static String run(ProbeOptions options, Function<String, ProcessMemory> attacher) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Probe(options, new PrintStream(bytes, true, StandardCharsets.UTF_8), attacher).run();
        assertThat(exit).isEqualTo(Probe.EXIT_OK);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
