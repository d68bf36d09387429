package com.speedfog.racing.overlay.game;

/**
 * Offsets that moved between game versions (reference §3). Unknown versions get the newest
 * layout: SpeedFog seeds are played on current patches.
 */
public record GameLayout(int playerInsOffset, int mapIdOffset, int screenStateOffset, String basis) {

    static final int IGT_OFFSET = 0xA0;
    static final int DEATHS_OFFSET = 0x94;
    /** Position x, y, z sit just before the map id, then the facing angle. */
    static final int POSITION_BEFORE_MAP_ID = 0x10;

    public static GameLayout forVersion(GameVersion version) {
        if (version.appMinor().isEmpty()) {
            return new GameLayout(0x1E508, 0x6D0, 0x730, "assuming the 1.12+ layout");
        }
        int minor = version.appMinor().get();
        int playerIns = minor >= 7 ? 0x1E508 : 0x18468;
        int mapId = minor >= 8 ? 0x6D0 : minor >= 4 ? 0x6C0 : 0x6C8;
        // 1.11 is not in the reference tables; it is grouped with 1.10, its predecessor.
        int screenState = minor >= 12 ? 0x730 : minor >= 3 ? 0x728 : 0x718;
        return new GameLayout(playerIns, mapId, screenState, "layout for app version 1." + String.format("%02d", minor));
    }
}
