package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ModuleInfo;
import com.speedfog.racing.overlay.memory.ProcessMemory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads ELDEN RING's state from its process. Attaching finds the executable image, its version and
 * the globals (one signature scan); each {@link #read} then follows the pointer chains afresh, since
 * the objects behind the globals come and go with loads.
 */
public final class GameReader {

    public static final String DEFAULT_MODULE = "eldenring.exe";
    /** Bigger than any ELDEN RING build; a larger SizeOfImage means the header was not what we think. */
    private static final long MAX_IMAGE_SIZE = 1L << 30;

    private final ProcessMemory memory;
    private final ModuleInfo module;
    private final GameVersion version;
    private final GameLayout layout;
    private final Map<GameGlobal, GlobalResolution> globals;
    private final SafeReader reader;
    private final EventFlagReader flagReader;

    private GameReader(ProcessMemory memory, ModuleInfo module, GameVersion version, GameLayout layout,
                       Map<GameGlobal, GlobalResolution> globals) {
        this.memory = memory;
        this.module = module;
        this.version = version;
        this.layout = layout;
        this.globals = Map.copyOf(globals);
        this.reader = new SafeReader(memory);
        this.flagReader = new EventFlagReader(reader);
    }

    public static GameReader attach(ProcessMemory memory, String moduleName) {
        return attach(memory, moduleName, new AobScanner());
    }

    /**
     * @throws GameNotReadyException when the module is not mapped in the process (yet)
     */
    public static GameReader attach(ProcessMemory memory, String moduleName, AobScanner scanner) {
        ModuleInfo mapped = memory.findModule(moduleName).orElseThrow(() -> new GameNotReadyException(
                moduleName + " is not loaded in process " + memory.pid() + " (yet)"));
        Optional<PeHeader> header = PeHeader.read(memory, mapped.base());
        // Wine may map parts of the image anonymously, so the header's size is the better measure.
        ModuleInfo module = header
                .filter(h -> h.sizeOfImage() > 0 && h.sizeOfImage() <= MAX_IMAGE_SIZE)
                .map(h -> new ModuleInfo(mapped.name(), mapped.path(), mapped.base(), Math.max(h.sizeOfImage(), mapped.size())))
                .orElse(mapped);
        GameVersion version = header.flatMap(h -> VersionResource.read(memory, module.base(), h))
                .map(GameVersion::of)
                .orElse(GameVersion.unknown());
        Map<GameGlobal, GlobalResolution> globals = new GlobalResolver(scanner).resolve(memory, module, module.size());
        return new GameReader(memory, module, version, GameLayout.forVersion(version), globals);
    }

    public ModuleInfo module() {
        return module;
    }

    public GameVersion version() {
        return version;
    }

    public GameLayout layout() {
        return layout;
    }

    public GlobalResolution global(GameGlobal global) {
        return globals.get(global);
    }

    /** Globals the signature scan did not find: worth attaching again later (code still unpacking). */
    public List<GameGlobal> missingGlobals() {
        return globals.values().stream().filter(g -> !g.found()).map(GlobalResolution::global).sorted().toList();
    }

    public long pid() {
        return memory.pid();
    }

    /** Reads one snapshot, including the state of {@code watchedFlags}. */
    public GameSnapshot read(Collection<Long> watchedFlags) {
        OptionalLong gameData = object(GameGlobal.GAME_DATA_MAN);
        OptionalLong igt = reader.u32(gameData, GameLayout.IGT_OFFSET);
        OptionalLong deaths = reader.u32(gameData, GameLayout.DEATHS_OFFSET);

        OptionalLong playerIns = reader.pointer(object(GameGlobal.WORLD_CHR_MAN), layout.playerInsOffset());
        Optional<byte[]> placement = playerIns.isPresent()
                ? reader.bytes(playerIns.getAsLong() + layout.mapIdOffset() - GameLayout.POSITION_BEFORE_MAP_ID,
                        GameLayout.POSITION_BEFORE_MAP_ID + 4)
                : Optional.empty();
        Optional<MapId> mapId = placement.flatMap(b -> MapId.fromRaw(LittleEndian.u32(b, GameLayout.POSITION_BEFORE_MAP_ID)));
        // Without a map the coordinates are meaningless (they are relative to the map tile).
        Optional<Position> position = mapId.isEmpty() ? Optional.empty() : placement.map(b ->
                new Position(LittleEndian.f32(b, 0), LittleEndian.f32(b, 4), LittleEndian.f32(b, 8)));

        Optional<ScreenState> screen = optional(reader.u32(object(GameGlobal.MENU_MAN), layout.screenStateOffset()))
                .map(ScreenState::new);

        Map<Long, Boolean> flags = flagReader.read(global(GameGlobal.EVENT_FLAGS).slotAddress(), watchedFlags);
        return new GameSnapshot(igt, deaths, mapId, position, screen, flags);
    }

    /** The object a global points at right now, empty while it is null. */
    private OptionalLong object(GameGlobal global) {
        OptionalLong slot = globals.get(global).slotAddress();
        return slot.isPresent() ? reader.pointer(slot.getAsLong()) : OptionalLong.empty();
    }

    private static Optional<Long> optional(OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }
}
