package com.speedfog.racing.overlay.testing;

import com.speedfog.racing.overlay.game.AobPattern;
import com.speedfog.racing.overlay.game.GameGlobal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds a fake ELDEN RING module image laid out the way the reference describes the real one: PE
 * headers with a version resource, each signature of §1 once in "code" with a RIP-relative
 * displacement to its global's slot, the objects the slots point at (§3) and an event-flag tree (§4).
 * Pointers are absolute, for an image mapped at {@link #BASE}.
 *
 * <p>The signatures are written here from the reference text, independently of the production table,
 * so a typo in either shows up as a global not found.
 */
public final class FakeEldenRing {

    /** The usual image base of 64-bit Windows executables; the fake process maps the image there. */
    public static final long BASE = 0x1_4000_0000L;
    public static final int IMAGE_SIZE = 0x260000;
    public static final String MODULE = "eldenring.exe";

    // Reference §1, verbatim. Displacement at +3, instruction length 7 for all of them.
    private static final Map<GameGlobal, String> PATTERNS = new EnumMap<>(Map.of(
            GameGlobal.GAME_DATA_MAN, "48 8B 05 ?? ?? ?? ?? 48 85 C0 74 05 48 8B 40 58 C3 C3",
            GameGlobal.WORLD_CHR_MAN, "48 8B 05 ?? ?? ?? ?? 48 85 C0 74 0F 48 39 88",
            GameGlobal.FIELD_AREA, "48 8B 0D ?? ?? ?? ?? 48 ?? ?? ?? 44 0F B6 61 ?? E8 ?? ?? ?? ?? 48 63 87 ?? ?? ?? ?? 48 ?? ?? ?? 48 85 C0",
            GameGlobal.EVENT_FLAGS, "48 8B 3D ?? ?? ?? ?? 48 85 FF 74 ?? 48 8B 49",
            GameGlobal.MENU_MAN, "48 8B 0D ?? ?? ?? ?? 48 8B 49 08 E8 ?? ?? ?? ?? 48 8B D0 48 8B CE E8 ?? ?? ?? ??",
            GameGlobal.GAME_MAN, "48 8B 05 ?? ?? ?? ?? 80 B8 ?? ?? ?? ?? 0D 0F 94 C0 C3",
            GameGlobal.BASE_ANIM, "48 89 0D ?? ?? ?? ?? 8D 46 9C 83 F8 21 77 37 83 FE 66 74 26 83 FE 70 74 15 83 FE 7C 0F 85"));
    private static final String GAME_DATA_MAN_ALTERNATIVE =
            "48 8b 05 ? ? ? ? 4c 8b 40 08 4d 85 c0 74 0d 45 0f b6 80 be 00 00 00 e9 13 00 00 00";

    /** Where each signature sits. Some straddle the 1 MiB / 2 MiB boundaries of the scanner's chunks. */
    private static final Map<GameGlobal, Integer> PATTERN_RVAS = new EnumMap<>(Map.of(
            GameGlobal.WORLD_CHR_MAN, 0x020000,
            GameGlobal.FIELD_AREA, 0x030000,
            GameGlobal.EVENT_FLAGS, 0x1FFFF8,
            GameGlobal.MENU_MAN, 0x040000,
            GameGlobal.GAME_MAN, 0x060000,
            GameGlobal.BASE_ANIM, 0x0FFFFC));
    /** GameDataMan's main signature twice (so it must be rejected) and its alternative once. */
    private static final int[] GAME_DATA_MAN_DUPLICATES = {0x010000, 0x050000};
    private static final int GAME_DATA_MAN_ALTERNATIVE_RVA = 0x0FFFD0;

    private static final int CODE_START = 0x2000;
    private static final int CODE_END = 0x200000;
    private static final int SLOTS = 0x208000;

    private static final int GAME_DATA_MAN = 0x210000;
    private static final int WORLD_CHR_MAN = 0x220000;
    private static final int PLAYER_INS = 0x240000;
    private static final int MENU_MAN = 0x241000;
    private static final int FIELD_AREA = 0x242000;
    private static final int GAME_MAN = 0x243000;
    private static final int BASE_ANIM = 0x244000;
    private static final int FLAG_MANAGER = 0x250000;
    private static final int TREE_NODES = 0x251000;
    private static final int HOLDERS = 0x252000;
    private static final int DIRECT_BLOCKS = 0x254000;

    private static final int NODE_SIZE = 0x40;
    private static final int FLAG_DIVISOR = 1000;
    private static final int HOLDER_ENTRY_SIZE = 0x80;

    public static final long INITIAL_IGT_MS = 83_456;
    public static final long INITIAL_DEATHS = 3;
    public static final long INITIAL_MAP_ID = 0x3C2A2400L; // m60_42_36_00
    public static final float[] INITIAL_POSITION = {1.5f, -2.25f, 100.0f};

    /** A flag group: where its 1000 bits live. Mode 1: holder index; mode 2: own block; 3: a mode we do not know. */
    private record Group(long id, int mode, int location) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group(0, 1, 0),
            new Group(5, 3, 2),
            new Group(19000, 2, 0),
            new Group(62010, 1, 1),
            new Group(1040292, 1, 3),
            new Group(1040295, 2, 1));

    public static final List<Long> INITIAL_SET_FLAGS = List.of(100L, 5007L, 19000800L, 1040292800L, 1040292805L, 1040295001L);

    private final byte[] image = new byte[IMAGE_SIZE];
    private final int playerInsOffset;
    private final int mapIdOffset;
    private final int screenStateOffset;

    private FakeEldenRing(int[] fileVersion, boolean withHeaders, int playerInsOffset, int mapIdOffset, int screenStateOffset) {
        this.playerInsOffset = playerInsOffset;
        this.mapIdOffset = mapIdOffset;
        this.screenStateOffset = screenStateOffset;
        fillCode();
        if (withHeaders) {
            writePeHeaders(fileVersion);
        }
        writeSignatures();
        writeObjects();
        writeFlagTree();
        INITIAL_SET_FLAGS.forEach(flag -> flag(flag, true));
    }

    /** App 1.16.1 (file 2.6.1.0) with the 1.12+ offsets. */
    public static FakeEldenRing current() {
        return new FakeEldenRing(new int[] {2, 6, 1, 0}, true, 0x1E508, 0x6D0, 0x730);
    }

    /** A given file version with the offsets that version is expected to use. */
    public static FakeEldenRing version(int[] fileVersion, int playerInsOffset, int mapIdOffset, int screenStateOffset) {
        return new FakeEldenRing(fileVersion, true, playerInsOffset, mapIdOffset, screenStateOffset);
    }

    /** No PE headers at all (version unreadable): the newest layout. */
    public static FakeEldenRing withoutHeaders() {
        return new FakeEldenRing(null, false, 0x1E508, 0x6D0, 0x730);
    }

    /** The image itself (live: writes below change it). */
    public byte[] image() {
        return image;
    }

    public FakeMemory memory() {
        return new FakeMemory(BASE, image).withModule(MODULE, "/games/ELDEN RING/Game/" + MODULE);
    }

    public static long slotAddress(GameGlobal global) {
        return BASE + slotRva(global);
    }

    public static long patternAddress(GameGlobal global) {
        return BASE + (global == GameGlobal.GAME_DATA_MAN ? GAME_DATA_MAN_ALTERNATIVE_RVA : PATTERN_RVAS.get(global));
    }

    private static int slotRva(GameGlobal global) {
        return SLOTS + global.ordinal() * 8;
    }

    // ---- changes, applied to the image and returned so a running fake process can apply them too

    public ImageWrite igt(long ms) {
        return put(GAME_DATA_MAN + 0xA0, u32(ms));
    }

    public ImageWrite deaths(long deaths) {
        return put(GAME_DATA_MAN + 0x94, u32(deaths));
    }

    public ImageWrite mapId(long raw) {
        return put(PLAYER_INS + mapIdOffset, u32(raw));
    }

    public ImageWrite position(float x, float y, float z) {
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(x).putFloat(y).putFloat(z);
        return put(PLAYER_INS + mapIdOffset - 0x10, bytes.array());
    }

    public ImageWrite screenState(long code) {
        return put(MENU_MAN + screenStateOffset, u32(code));
    }

    /** Sets a global's pointer to null, as when its object does not exist (main menu, loading). */
    public ImageWrite clearGlobal(GameGlobal global) {
        return put(slotRva(global), u64(0));
    }

    public ImageWrite restoreGlobal(GameGlobal global) {
        return put(slotRva(global), u64(BASE + objectRva(global)));
    }

    /** Sets or clears an event flag in whichever group holds it (the group must exist). */
    public ImageWrite flag(long flagId, boolean set) {
        long groupId = flagId / FLAG_DIVISOR;
        int bit = (int) (flagId % FLAG_DIVISOR);
        Group group = GROUPS.stream().filter(g -> g.id() == groupId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group for flag " + flagId));
        int byteRva = groupBlockRva(group) + bit / 8;
        int mask = 0x80 >>> (bit % 8);
        int value = set ? (image[byteRva] | mask) : (image[byteRva] & ~mask);
        return put(byteRva, new byte[] {(byte) value});
    }

    // ---- building

    private ImageWrite put(int rva, byte[] bytes) {
        System.arraycopy(bytes, 0, image, rva, bytes.length);
        return new ImageWrite(rva, bytes.clone());
    }

    private void fillCode() {
        // Random "code": plenty of 0x48 bytes and near-misses for the scanner to reject.
        Random random = new Random(20240621);
        for (int i = CODE_START; i < CODE_END; i++) {
            image[i] = (byte) random.nextInt(256);
        }
    }

    private void writePeHeaders(int[] fileVersion) {
        image[0] = 'M';
        image[1] = 'Z';
        put(0x3C, u32(0x80));
        put(0x80, new byte[] {'P', 'E', 0, 0});
        put(0x84, u16(0x8664)); // machine: x86-64
        put(0x84 + 16, u16(0xF0)); // size of the optional header
        int optional = 0x98;
        put(optional, u16(0x20B)); // PE32+
        put(optional + 24, u64(BASE));
        put(optional + 56, u32(IMAGE_SIZE));
        put(optional + 108, u32(16));
        if (fileVersion != null) {
            int resources = 0x1000;
            put(optional + 112 + 2 * 8, u32(resources));
            put(optional + 112 + 2 * 8 + 4, u32(0x100));
            writeVersionResource(resources, fileVersion);
        }
    }

    /** Resource tree: type 16 (RT_VERSION) → name 1 → language 0x409 → data: a VS_VERSIONINFO. */
    private void writeVersionResource(int root, int[] version) {
        writeDirectory(root, 16, 0x80000000L | 0x18);
        writeDirectory(root + 0x18, 1, 0x80000000L | 0x30);
        writeDirectory(root + 0x30, 0x409, 0x48);
        int info = root + 0x60;
        put(root + 0x48, u32(info));
        put(root + 0x4C, u32(92));
        put(info, u16(92));
        put(info + 2, u16(52));
        put(info + 6, "VS_VERSION_INFO\0".getBytes(StandardCharsets.UTF_16LE));
        int fixed = info + 40;
        put(fixed, u32(0xFEEF04BDL));
        put(fixed + 4, u32(0x00010000));
        put(fixed + 8, u32(((long) version[0] << 16) | version[1]));
        put(fixed + 12, u32(((long) version[2] << 16) | version[3]));
        put(fixed + 16, u32(((long) version[0] << 16) | version[1]));
        put(fixed + 20, u32(((long) version[2] << 16) | version[3]));
    }

    private void writeDirectory(int at, int id, long offsetToData) {
        put(at + 14, u16(1)); // one entry named by id
        put(at + 16, u32(id));
        put(at + 20, u32(offsetToData));
    }

    private void writeSignatures() {
        PATTERN_RVAS.forEach((global, rva) -> writeSignature(PATTERNS.get(global), rva, slotRva(global)));
        for (int rva : GAME_DATA_MAN_DUPLICATES) {
            writeSignature(PATTERNS.get(GameGlobal.GAME_DATA_MAN), rva, slotRva(GameGlobal.GAME_DATA_MAN));
        }
        writeSignature(GAME_DATA_MAN_ALTERNATIVE, GAME_DATA_MAN_ALTERNATIVE_RVA, slotRva(GameGlobal.GAME_DATA_MAN));
    }

    /** The pattern's fixed bytes, NOPs for wildcards, and the displacement from the next instruction to the slot. */
    private void writeSignature(String text, int rva, int slotRva) {
        AobPattern pattern = AobPattern.parse(text);
        byte[] bytes = pattern.bytes();
        for (int i = 0; i < bytes.length; i++) {
            image[rva + i] = pattern.isWildcard(i) ? (byte) 0x90 : bytes[i];
        }
        put(rva + 3, u32(slotRva - (rva + 7)));
    }

    private static int objectRva(GameGlobal global) {
        return switch (global) {
            case GAME_DATA_MAN -> GAME_DATA_MAN;
            case WORLD_CHR_MAN -> WORLD_CHR_MAN;
            case FIELD_AREA -> FIELD_AREA;
            case EVENT_FLAGS -> FLAG_MANAGER;
            case MENU_MAN -> MENU_MAN;
            case GAME_MAN -> GAME_MAN;
            case BASE_ANIM -> BASE_ANIM;
        };
    }

    private void writeObjects() {
        for (GameGlobal global : GameGlobal.values()) {
            restoreGlobal(global);
        }
        igt(INITIAL_IGT_MS);
        deaths(INITIAL_DEATHS);
        put(WORLD_CHR_MAN + playerInsOffset, u64(BASE + PLAYER_INS));
        mapId(INITIAL_MAP_ID);
        position(INITIAL_POSITION[0], INITIAL_POSITION[1], INITIAL_POSITION[2]);
        screenState(0);
    }

    /** An MSVC std::map: a head node (nil) whose parent is the root; every leaf's children are the head. */
    private void writeFlagTree() {
        put(FLAG_MANAGER + 0x1C, u32(FLAG_DIVISOR));
        put(FLAG_MANAGER + 0x20, u32(HOLDER_ENTRY_SIZE));
        put(FLAG_MANAGER + 0x24, u32(4));
        put(FLAG_MANAGER + 0x28, u64(BASE + HOLDERS));
        long head = BASE + TREE_NODES;
        put(FLAG_MANAGER + 0x38, u64(head));

        List<Group> sorted = new ArrayList<>(GROUPS);
        sorted.sort(Comparator.comparingLong(Group::id));
        image[TREE_NODES + 0x19] = 1;
        long root = writeSubtree(sorted, 0, sorted.size(), head, head);
        put(TREE_NODES + 0x08, u64(root));
        put(TREE_NODES, u64(nodeAddress(sorted, 0)));
        put(TREE_NODES + 0x10, u64(nodeAddress(sorted, sorted.size() - 1)));
    }

    private long writeSubtree(List<Group> sorted, int from, int to, long parent, long head) {
        if (from >= to) {
            return head;
        }
        int middle = (from + to) / 2;
        Group group = sorted.get(middle);
        long address = nodeAddress(sorted, middle);
        int rva = (int) (address - BASE);
        put(rva, u64(writeSubtree(sorted, from, middle, address, head)));
        put(rva + 0x08, u64(parent));
        put(rva + 0x10, u64(writeSubtree(sorted, middle + 1, to, address, head)));
        put(rva + 0x20, u32(group.id()));
        put(rva + 0x28, u32(group.mode()));
        put(rva + 0x30, group.mode() == 2 ? u64(BASE + groupBlockRva(group)) : u32(group.location()));
        return address;
    }

    private static long nodeAddress(List<Group> sorted, int index) {
        return BASE + TREE_NODES + (long) (index + 1) * NODE_SIZE;
    }

    private static int groupBlockRva(Group group) {
        return group.mode() == 2
                ? DIRECT_BLOCKS + group.location() * 0x100
                : HOLDERS + group.location() * HOLDER_ENTRY_SIZE;
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    private static byte[] u64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
