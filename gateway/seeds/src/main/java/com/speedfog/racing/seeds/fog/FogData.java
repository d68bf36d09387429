package com.speedfog.racing.seeds.fog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FogRando's {@code fog.txt}: its areas (with their maps, tags and boss defeat flags) and its fog gates and
 * warps (with both sides). The one model of the file for the server, the overlay and the tools: synthetic
 * seeds take real zones and gates from it, v3 seeds and exploration games resolve map ids with it. Areas and
 * gates keep the file's order, so what is made from it is repeatable.
 */
public final class FogData {

    /** The resource name of the copy shipped in this module (FogRando's, as SpeedFog uses it). */
    public static final String BUNDLED = "fog.txt";
    private static final Pattern GATE_ON_MAP = Pattern.compile("(m\\d{2}_\\d{2}_\\d{2}_\\d{2})(_.*)?");

    private final List<FogArea> areas;
    private final List<FogGate> gates;
    private final Map<String, FogArea> areasByName = new LinkedHashMap<>();
    private final Map<String, List<FogArea>> areasByText = new HashMap<>();
    private final Map<String, List<FogGate>> gatesByArea = new HashMap<>();
    private final Map<String, FogGate> gatesById = new HashMap<>();

    FogData(List<FogArea> areas, List<FogGate> gates) {
        this.areas = List.copyOf(areas);
        this.gates = List.copyOf(gates);
        for (FogArea area : this.areas) {
            areasByName.putIfAbsent(area.name(), area);
            areasByText.computeIfAbsent(area.text(), text -> new ArrayList<>()).add(area);
        }
        for (FogGate gate : this.gates) {
            if (!gate.aSide().area().isEmpty()) {
                gatesByArea.computeIfAbsent(gate.aSide().area(), area -> new ArrayList<>()).add(gate);
            }
            if (!gate.bSide().area().isEmpty() && !gate.bSide().area().equals(gate.aSide().area())) {
                gatesByArea.computeIfAbsent(gate.bSide().area(), area -> new ArrayList<>()).add(gate);
            }
            gatesById.putIfAbsent(gate.fogId(), gate);
        }
        // graph.json may name a warp by its ID rather than its name (they differ for a few duplicated warps).
        for (FogGate gate : this.gates) {
            if (!gate.map().isEmpty()) {
                gatesById.putIfAbsent(gate.map() + "_" + gate.id(), gate);
            }
        }
    }

    /**
     * Reads fog.txt content.
     *
     * @param label names the source in error messages
     * @throws IllegalArgumentException when the content has no areas, i.e. is not FogRando's fog.txt
     */
    public static FogData parse(InputStream fogText, String label) throws IOException {
        return new FogTextReader(label).read(fogText);
    }

    /**
     * Reads a fog.txt file.
     *
     * @throws IllegalArgumentException when the file is missing or is not FogRando's fog.txt
     */
    public static FogData parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found");
        }
    }

    /** The fog.txt shipped in this module, read once per JVM. */
    public static FogData bundled() {
        return Bundled.FOG;
    }

    private static final class Bundled {
        static final FogData FOG = read();

        private static FogData read() {
            try (InputStream in = FogData.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the seeds jar (expected next to "
                            + FogData.class.getName() + ")");
                }
                return parse(in, BUNDLED);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled " + BUNDLED, e);
            }
        }
    }

    public List<FogArea> areas() {
        return areas;
    }

    public List<FogGate> gates() {
        return gates;
    }

    public Optional<FogArea> area(String name) {
        return Optional.ofNullable(areasByName.get(name));
    }

    /** The areas shown to people with this name (spoiler logs name areas so); one, except for a rare duplicate. */
    public List<FogArea> areasWithText(String text) {
        return List.copyOf(areasByText.getOrDefault(text, List.of()));
    }

    /** The gates with this area on one of their sides, in file order. */
    public List<FogGate> gatesOf(String area) {
        return List.copyOf(gatesByArea.getOrDefault(area, List.of()));
    }

    /** A gate by graph.json's id for it ({@code <map>_<name>}, or {@code <map>_<id>} for a warp). */
    public Optional<FogGate> gate(String fogId) {
        return Optional.ofNullable(gatesById.get(fogId));
    }

    /**
     * Where a player may stand after coming through {@code fogId} into {@code area}: the maps of the gate's side
     * in that area ({@link FogGate#mapsOf}); the gate's {@link FogGate#arrivalMap()} when neither side is in it;
     * for a gate fog.txt does not know, the map its id starts with (graph.json names gates
     * {@code m60_35_50_00_AEG099_003_9000}). Empty when none of these gives a map.
     */
    public Set<String> arrivalMaps(String fogId, String area) {
        FogGate gate = gatesById.get(fogId);
        if (gate != null) {
            return gate.sideIn(area).map(gate::mapsOf).orElse(Set.of(gate.arrivalMap()));
        }
        Matcher onMap = GATE_ON_MAP.matcher(fogId);
        return onMap.matches() ? Set.of(onMap.group(1)) : Set.of();
    }

    /** The areas FogRando tags as the game's final boss (Elden Beast), in file order. */
    public List<FogArea> finalBossAreas() {
        return areas.stream().filter(area -> area.hasTag("final")).toList();
    }
}
