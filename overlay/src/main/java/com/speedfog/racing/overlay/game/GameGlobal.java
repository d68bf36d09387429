package com.speedfog.racing.overlay.game;

import java.util.List;

/**
 * The game's global singletons we locate by signature (reference table §1). Each holds a pointer
 * to the live object, null while that object does not exist (main menu, loading).
 */
public enum GameGlobal {
    GAME_DATA_MAN("GameDataMan",
            Signature.of("48 8B 05 ?? ?? ?? ?? 48 85 C0 74 05 48 8B 40 58 C3 C3", 3, 7),
            Signature.of("48 8b 05 ? ? ? ? 4c 8b 40 08 4d 85 c0 74 0d 45 0f b6 80 be 00 00 00 e9 13 00 00 00", 3, 7)),
    WORLD_CHR_MAN("WorldChrMan",
            Signature.of("48 8B 05 ?? ?? ?? ?? 48 85 C0 74 0F 48 39 88", 3, 7),
            Signature.of("48 8b 35 ? ? ? ? 48 85 f6 ? ? bb 01 00 00 00 89 5c 24 20 48 8b b6", 3, 7)),
    FIELD_AREA("FieldArea",
            Signature.of("48 8B 0D ?? ?? ?? ?? 48 ?? ?? ?? 44 0F B6 61 ?? E8 ?? ?? ?? ?? 48 63 87 ?? ?? ?? ?? 48 ?? ?? ?? 48 85 C0", 3, 7)),
    EVENT_FLAGS("CSFD4VirtualMemoryFlag",
            Signature.of("48 8B 3D ?? ?? ?? ?? 48 85 FF 74 ?? 48 8B 49", 3, 7),
            Signature.of("48 8B 3D ?? ?? ?? ?? 48 85 FF ?? ?? 32 C0 E9", 3, 7)),
    MENU_MAN("CSMenuManImp",
            Signature.of("48 8B 0D ?? ?? ?? ?? 48 8B 49 08 E8 ?? ?? ?? ?? 48 8B D0 48 8B CE E8 ?? ?? ?? ??", 3, 7)),
    GAME_MAN("GameMan",
            Signature.of("48 8B 05 ?? ?? ?? ?? 80 B8 ?? ?? ?? ?? 0D 0F 94 C0 C3", 3, 7)),
    BASE_ANIM("BaseAnim",
            Signature.of("48 89 0D ?? ?? ?? ?? 8D 46 9C 83 F8 21 77 37 83 FE 66 74 26 83 FE 70 74 15 83 FE 7C 0F 85", 3, 7));

    private final String gameName;
    private final List<Signature> signatures;

    GameGlobal(String gameName, Signature... signatures) {
        this.gameName = gameName;
        this.signatures = List.of(signatures);
    }

    /** The name the game's own classes use (and the modding tools after them). */
    public String gameName() {
        return gameName;
    }

    /** The preferred signature first, then alternatives tried when it does not match exactly once. */
    public List<Signature> signatures() {
        return signatures;
    }
}
