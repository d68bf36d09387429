package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.testing.FakeEldenRing;
import com.speedfog.racing.overlay.testing.FakeMemory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader over an in-memory image; the same image in a real process is {@code GameReaderProcessTest}. */
class GameReaderTest {

    private static final List<Long> WATCHED = List.of(100L, 101L, 1040292800L, 1040292801L, 19000800L);

    @Test
    void resolvesEveryGlobalToItsSlotAndReadsTheGame() {
        FakeEldenRing game = FakeEldenRing.current();
        GameReader reader = GameReader.attach(game.memory(), "ELDENRING.EXE");

        for (GameGlobal global : GameGlobal.values()) {
            assertThat(reader.global(global).slotAddress()).as(global.gameName()).hasValue(FakeEldenRing.slotAddress(global));
        }
        assertThat(reader.missingGlobals()).isEmpty();
        assertThat(reader.version().label()).isEqualTo("1.16.1 (file 2.6.1.0)");

        GameSnapshot snapshot = reader.read(WATCHED);
        assertThat(snapshot.igtMs()).hasValue(FakeEldenRing.INITIAL_IGT_MS);
        assertThat(snapshot.deaths()).hasValue(FakeEldenRing.INITIAL_DEATHS);
        assertThat(snapshot.mapId()).map(Object::toString).hasValue("m60_42_36_00");
        assertThat(snapshot.position()).hasValue(new Position(1.5f, -2.25f, 100.0f));
        assertThat(snapshot.screenState()).map(ScreenState::kind).hasValue(ScreenState.Kind.IN_GAME);
        assertThat(snapshot.setFlags(WATCHED)).containsExactly(100L, 1040292800L, 19000800L);
        assertThat(snapshot.flag(101L)).hasValue(false);
        assertThat(snapshot.flag(555L)).as("not watched").isEmpty();
        assertThat(snapshot.isInGame()).isTrue();
    }

    @Test
    void aSignatureThatMatchesTwiceIsRejectedAndTheAlternativeUsed() {
        GameReader reader = GameReader.attach(FakeEldenRing.current().memory(), FakeEldenRing.MODULE);

        GlobalResolution gameDataMan = reader.global(GameGlobal.GAME_DATA_MAN);
        assertThat(gameDataMan.detail())
                .isEqualTo("alternative pattern 1 at 0x" + Long.toHexString(FakeEldenRing.patternAddress(GameGlobal.GAME_DATA_MAN)));
        assertThat(reader.global(GameGlobal.WORLD_CHR_MAN).detail()).startsWith("pattern at 0x");
    }

    @Test
    void aGlobalWhoseSignaturesAreAllMissingOrAmbiguousIsNotFoundAndReadsAsAbsent() {
        FakeEldenRing game = FakeEldenRing.current();
        // Break the alternative GameDataMan signature; the main one still matches twice.
        game.image()[(int) (FakeEldenRing.patternAddress(GameGlobal.GAME_DATA_MAN) - FakeEldenRing.BASE)] = 0x00;

        GameReader reader = GameReader.attach(game.memory(), FakeEldenRing.MODULE);

        assertThat(reader.global(GameGlobal.GAME_DATA_MAN).detail())
                .isEqualTo("not found (pattern: 2 matches; alternative pattern 1: no match)");
        assertThat(reader.missingGlobals()).containsExactly(GameGlobal.GAME_DATA_MAN);
        GameSnapshot snapshot = reader.read(WATCHED);
        assertThat(snapshot.igtMs()).isEmpty();
        assertThat(snapshot.deaths()).isEmpty();
        assertThat(snapshot.mapId()).isPresent();
    }

    @Test
    void aDisplacementLeadingOutOfTheModuleIsNotTrusted() {
        FakeEldenRing game = FakeEldenRing.current();
        int at = (int) (FakeEldenRing.patternAddress(GameGlobal.MENU_MAN) - FakeEldenRing.BASE);
        game.image()[at + 6] = (byte) 0x7F; // displacement now ~2 GiB forward

        GameReader reader = GameReader.attach(game.memory(), FakeEldenRing.MODULE);

        assertThat(reader.global(GameGlobal.MENU_MAN).found()).isFalse();
        assertThat(reader.global(GameGlobal.MENU_MAN).detail()).contains("points outside the module");
        assertThat(reader.read(WATCHED).screenState()).isEmpty();
    }

    @Test
    void noticesChanges() {
        FakeEldenRing game = FakeEldenRing.current();
        GameReader reader = GameReader.attach(game.memory(), FakeEldenRing.MODULE);

        game.igt(FakeEldenRing.INITIAL_IGT_MS + 1000);
        game.deaths(FakeEldenRing.INITIAL_DEATHS + 1);
        game.mapId(0x0A010000L);
        game.position(-7.5f, 0.25f, 3f);
        game.screenState(1);
        game.flag(1040292801L, true);
        GameSnapshot snapshot = reader.read(WATCHED);

        assertThat(snapshot.igtMs()).hasValue(FakeEldenRing.INITIAL_IGT_MS + 1000);
        assertThat(snapshot.deaths()).hasValue(FakeEldenRing.INITIAL_DEATHS + 1);
        assertThat(snapshot.mapId()).map(Object::toString).hasValue("m10_01_00_00");
        assertThat(snapshot.position()).hasValue(new Position(-7.5f, 0.25f, 3f));
        assertThat(snapshot.screenState()).map(ScreenState::kind).hasValue(ScreenState.Kind.LOADING);
        assertThat(snapshot.isInGame()).isFalse();
        assertThat(snapshot.setFlags(WATCHED)).contains(1040292801L);
    }

    @Test
    void valuesThatDoNotExistYetReadAsAbsent() {
        FakeEldenRing game = FakeEldenRing.current();
        GameReader reader = GameReader.attach(game.memory(), FakeEldenRing.MODULE);

        game.mapId(0xFFFFFFFFL); // loading
        GameSnapshot loading = reader.read(WATCHED);
        assertThat(loading.mapId()).isEmpty();
        assertThat(loading.position()).isEmpty();
        assertThat(loading.igtMs()).isPresent();

        for (GameGlobal global : GameGlobal.values()) {
            game.clearGlobal(global); // main menu: nothing exists
        }
        GameSnapshot menu = reader.read(WATCHED);
        assertThat(menu.igtMs()).isEmpty();
        assertThat(menu.deaths()).isEmpty();
        assertThat(menu.mapId()).isEmpty();
        assertThat(menu.position()).isEmpty();
        assertThat(menu.screenState()).isEmpty();
        assertThat(menu.flags()).isEmpty();
        assertThat(menu.setFlags(WATCHED)).isEmpty();
    }

    @Test
    void aGarbagePointerReadsAsAbsent() {
        FakeEldenRing game = FakeEldenRing.current();
        GameReader reader = GameReader.attach(game.memory(), FakeEldenRing.MODULE);
        int slot = (int) (FakeEldenRing.slotAddress(GameGlobal.WORLD_CHR_MAN) - FakeEldenRing.BASE);
        game.image()[slot + 7] = 0x12; // not a user-space address any more

        assertThat(reader.read(WATCHED).mapId()).isEmpty();
        assertThat(reader.read(WATCHED).igtMs()).isPresent();
    }

    @Test
    void olderVersionsUseTheirOwnOffsets() {
        // 1.07: PlayerIns at 0x1E508, map id at 0x6C0, screen state at 0x728.
        FakeEldenRing game107 = FakeEldenRing.version(new int[] {1, 7, 0, 0}, 0x1E508, 0x6C0, 0x728);
        GameReader reader107 = GameReader.attach(game107.memory(), FakeEldenRing.MODULE);
        assertThat(reader107.version().label()).isEqualTo("1.07.0 (file 1.7.0.0)");
        assertThat(reader107.read(WATCHED).mapId()).map(Object::toString).hasValue("m60_42_36_00");
        assertThat(reader107.read(WATCHED).screenState()).map(ScreenState::code).hasValue(0L);

        // 1.03: PlayerIns at 0x18468, map id at 0x6C8.
        FakeEldenRing game103 = FakeEldenRing.version(new int[] {1, 3, 0, 0}, 0x18468, 0x6C8, 0x728);
        game103.screenState(256);
        GameSnapshot snapshot103 = GameReader.attach(game103.memory(), FakeEldenRing.MODULE).read(WATCHED);
        assertThat(snapshot103.position()).hasValue(new Position(1.5f, -2.25f, 100.0f));
        assertThat(snapshot103.screenState()).map(ScreenState::kind).hasValue(ScreenState.Kind.MAIN_MENU);
    }

    @Test
    void withoutAReadableVersionTheVersionIsUnknownAndTheNewestLayoutIsUsed() {
        FakeEldenRing game = FakeEldenRing.withoutHeaders();
        GameReader reader = GameReader.attach(game.memory(), FakeEldenRing.MODULE);

        assertThat(reader.version().label()).isEqualTo("unknown");
        assertThat(reader.module().size()).isEqualTo(FakeEldenRing.IMAGE_SIZE);
        assertThat(reader.missingGlobals()).isEmpty();
        assertThat(reader.read(WATCHED).mapId()).isPresent();
    }

    @Test
    void aProcessWithoutTheModuleIsNotReady() {
        FakeMemory memory = new FakeMemory(FakeEldenRing.BASE, new byte[16]);

        assertThatThrownBy(() -> GameReader.attach(memory, FakeEldenRing.MODULE))
                .isInstanceOf(GameNotReadyException.class)
                .hasMessageContaining("eldenring.exe is not loaded");
    }
}
