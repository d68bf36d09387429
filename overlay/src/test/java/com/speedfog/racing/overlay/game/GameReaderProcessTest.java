package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ProcessExitedException;
import com.speedfog.racing.overlay.memory.linux.LinuxProcessMemory;
import com.speedfog.racing.overlay.memory.linux.LinuxReadMethod;
import com.speedfog.racing.overlay.testing.FakeEldenRing;
import com.speedfog.racing.overlay.testing.FakeGameProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole game-reading path against a real foreign process: find eldenring.exe by name, find its
 * module in /proc/PID/maps, scan it, resolve the globals, follow the chains and walk the flag tree,
 * through process_vm_readv and through /proc/PID/mem, while the process changes its values.
 */
class GameReaderProcessTest {

    private static final List<Long> WATCHED = List.of(100L, 19000800L, 1040292800L, 1040292801L, 1040292805L);

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

    @ParameterizedTest
    @EnumSource(LinuxReadMethod.class)
    void readsTheGameAndNoticesChanges(LinuxReadMethod method) throws Exception {
        try (LinuxProcessMemory memory = LinuxProcessMemory.attach(FakeEldenRing.MODULE, method)) {
            GameReader reader = GameReader.attach(memory, FakeEldenRing.MODULE);

            assertThat(reader.pid()).isEqualTo(process.pid());
            assertThat(reader.module().base()).isEqualTo(FakeEldenRing.BASE);
            assertThat(reader.version().label()).isEqualTo("1.16.1 (file 2.6.1.0)");
            for (GameGlobal global : GameGlobal.values()) {
                assertThat(reader.global(global).slotAddress()).as(global.gameName()).hasValue(FakeEldenRing.slotAddress(global));
            }

            GameSnapshot first = reader.read(WATCHED);
            assertThat(first.igtMs()).hasValue(FakeEldenRing.INITIAL_IGT_MS);
            assertThat(first.deaths()).hasValue(FakeEldenRing.INITIAL_DEATHS);
            assertThat(first.mapId()).map(Object::toString).hasValue("m60_42_36_00");
            assertThat(first.position()).hasValue(new Position(1.5f, -2.25f, 100.0f));
            assertThat(first.screenState()).map(ScreenState::kind).hasValue(ScreenState.Kind.IN_GAME);
            assertThat(first.setFlags(WATCHED)).containsExactly(100L, 19000800L, 1040292800L, 1040292805L);

            process.apply(
                    game.igt(FakeEldenRing.INITIAL_IGT_MS + 1_250),
                    game.deaths(FakeEldenRing.INITIAL_DEATHS + 1),
                    game.flag(1040292801L, true),
                    game.flag(100L, false),
                    game.mapId(0x0C020000L),
                    game.position(10f, 20f, -30f));
            GameSnapshot second = reader.read(WATCHED);
            assertThat(second.igtMs()).hasValue(FakeEldenRing.INITIAL_IGT_MS + 1_250);
            assertThat(second.deaths()).hasValue(FakeEldenRing.INITIAL_DEATHS + 1);
            assertThat(second.mapId()).map(Object::toString).hasValue("m12_02_00_00");
            assertThat(second.position()).hasValue(new Position(10f, 20f, -30f));
            assertThat(second.setFlags(WATCHED)).containsExactly(19000800L, 1040292800L, 1040292801L, 1040292805L);

            // A load: the screen says loading, the map id is the loading marker, the player object is gone.
            process.apply(game.screenState(1), game.mapId(0xFFFFFFFFL));
            GameSnapshot loading = reader.read(WATCHED);
            assertThat(loading.screenState()).map(ScreenState::kind).hasValue(ScreenState.Kind.LOADING);
            assertThat(loading.mapId()).isEmpty();
            assertThat(loading.position()).isEmpty();

            // Quit to the main menu: the game data and world objects are gone, flags unreadable.
            process.apply(game.screenState(256), game.clearGlobal(GameGlobal.GAME_DATA_MAN),
                    game.clearGlobal(GameGlobal.WORLD_CHR_MAN), game.clearGlobal(GameGlobal.EVENT_FLAGS));
            GameSnapshot menu = reader.read(WATCHED);
            assertThat(menu.screenState()).map(ScreenState::kind).hasValue(ScreenState.Kind.MAIN_MENU);
            assertThat(menu.igtMs()).isEmpty();
            assertThat(menu.deaths()).isEmpty();
            assertThat(menu.mapId()).isEmpty();
            assertThat(menu.flags()).isEmpty();

            // Back in the game.
            process.apply(game.restoreGlobal(GameGlobal.GAME_DATA_MAN), game.restoreGlobal(GameGlobal.WORLD_CHR_MAN),
                    game.restoreGlobal(GameGlobal.EVENT_FLAGS), game.screenState(0), game.mapId(0x3C2A2400L),
                    game.igt(FakeEldenRing.INITIAL_IGT_MS + 5_000));
            GameSnapshot again = reader.read(WATCHED);
            assertThat(again.igtMs()).hasValue(FakeEldenRing.INITIAL_IGT_MS + 5_000);
            assertThat(again.isInGame()).isTrue();
            assertThat(again.flag(1040292801L)).hasValue(true);

            assertThat(memory.readMethod()).isEqualTo(method);
        }
    }

    @ParameterizedTest
    @EnumSource(LinuxReadMethod.class)
    void theGameClosingIsNoticed(LinuxReadMethod method) throws Exception {
        try (LinuxProcessMemory memory = LinuxProcessMemory.attach(FakeEldenRing.MODULE, method)) {
            GameReader reader = GameReader.attach(memory, FakeEldenRing.MODULE);
            process.kill();

            assertThatThrownBy(() -> reader.read(WATCHED)).isInstanceOf(ProcessExitedException.class);
        }
    }
}
