package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.testing.FakeEldenRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GameVersionTest {

    @ParameterizedTest
    @CsvSource({
            // file version, app version label, PlayerIns, map id, screen state (reference §2, §3)
            "1.2.0.0, 1.02.0 (file 1.2.0.0), 0x18468, 0x6C8, 0x718",
            "1.3.2.0, 1.03.2 (file 1.3.2.0), 0x18468, 0x6C8, 0x728",
            "1.6.0.0, 1.06.0 (file 1.6.0.0), 0x18468, 0x6C0, 0x728",
            "1.7.0.0, 1.07.0 (file 1.7.0.0), 0x1E508, 0x6C0, 0x728",
            "1.8.1.0, 1.08.1 (file 1.8.1.0), 0x1E508, 0x6D0, 0x728",
            "2.0.1.0, 1.09/1.10 (file 2.0.1.0), 0x1E508, 0x6D0, 0x728",
            "2.2.0.0, 1.12.0 (file 2.2.0.0), 0x1E508, 0x6D0, 0x730",
            "2.3.0.0, 1.13.0 (file 2.3.0.0), 0x1E508, 0x6D0, 0x730",
            "2.6.1.0, 1.16.1 (file 2.6.1.0), 0x1E508, 0x6D0, 0x730",
    })
    void mapsFileVersionsToAppVersionsAndLayouts(String file, String label, String playerIns, String mapId, String screen) {
        String[] parts = file.split("\\.");
        GameVersion version = GameVersion.of(new FileVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
        GameLayout layout = GameLayout.forVersion(version);

        assertThat(version.label()).isEqualTo(label);
        assertThat(layout.playerInsOffset()).isEqualTo(Integer.decode(playerIns));
        assertThat(layout.mapIdOffset()).isEqualTo(Integer.decode(mapId));
        assertThat(layout.screenStateOffset()).isEqualTo(Integer.decode(screen));
    }

    @Test
    void unknownAndUnheardOfVersionsUseTheNewestLayout() {
        GameLayout newest = GameLayout.forVersion(GameVersion.of(new FileVersion(2, 6, 1, 0)));
        GameVersion future = GameVersion.of(new FileVersion(3, 0, 0, 0));

        assertThat(GameLayout.forVersion(GameVersion.unknown())).extracting(GameLayout::playerInsOffset,
                GameLayout::mapIdOffset, GameLayout::screenStateOffset)
                .containsExactly(newest.playerInsOffset(), newest.mapIdOffset(), newest.screenStateOffset());
        assertThat(GameLayout.forVersion(future).mapIdOffset()).isEqualTo(newest.mapIdOffset());
        assertThat(future.label()).isEqualTo("file 3.0.0.0 (newer than the versions known here)");
        assertThat(GameVersion.unknown().label()).isEqualTo("unknown");
    }

    @Test
    void readsTheFileVersionFromThePeVersionResourceInMemory() {
        FakeEldenRing game = FakeEldenRing.version(new int[] {2, 3, 0, 7}, 0x1E508, 0x6D0, 0x730);

        PeHeader header = PeHeader.read(game.memory(), FakeEldenRing.BASE).orElseThrow();

        assertThat(header.sizeOfImage()).isEqualTo(FakeEldenRing.IMAGE_SIZE);
        assertThat(VersionResource.read(game.memory(), FakeEldenRing.BASE, header)).hasValue(new FileVersion(2, 3, 0, 7));
    }

    @Test
    void noHeadersMeansNoVersion() {
        FakeEldenRing game = FakeEldenRing.withoutHeaders();

        assertThat(PeHeader.read(game.memory(), FakeEldenRing.BASE)).isEmpty();
    }

    @Test
    void mapIdsAreFormattedAreaBlockRegionIndex() {
        assertThat(MapId.fromRaw(0x3C2A2400L)).map(Object::toString).hasValue("m60_42_36_00");
        assertThat(MapId.fromRaw(0x0B000000L)).map(Object::toString).hasValue("m11_00_00_00");
        assertThat(MapId.fromRaw(0xFFFFFFFFL)).isEmpty();
    }
}
