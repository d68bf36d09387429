package com.speedfog.racing.seeds.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The areas and fog gates of FogRando's {@code fog.txt}, enough to give synthetic seeds real zone names,
 * display names and fog gate ids. Areas and gates keep the file's order, so generation is repeatable.
 */
public final class FogData {

    private static final String BUNDLED = "fog.txt";

    private final List<FogArea> areas;
    private final List<FogGate> gates;
    private final Map<String, FogArea> areasByName = new LinkedHashMap<>();
    private final Map<String, List<FogGate>> gatesByArea = new HashMap<>();

    FogData(List<FogArea> areas, List<FogGate> gates) {
        this.areas = List.copyOf(areas);
        this.gates = List.copyOf(gates);
        for (FogArea area : this.areas) {
            areasByName.putIfAbsent(area.name(), area);
        }
        for (FogGate gate : this.gates) {
            if (!gate.aSide().isEmpty()) {
                gatesByArea.computeIfAbsent(gate.aSide(), area -> new ArrayList<>()).add(gate);
            }
            if (!gate.bSide().isEmpty() && !gate.bSide().equals(gate.aSide())) {
                gatesByArea.computeIfAbsent(gate.bSide(), area -> new ArrayList<>()).add(gate);
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

    /** The fog.txt shipped in this module (FogRando's, as SpeedFog uses it). */
    public static FogData bundled() {
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

    public List<FogArea> areas() {
        return areas;
    }

    public List<FogGate> gates() {
        return gates;
    }

    public Optional<FogArea> area(String name) {
        return Optional.ofNullable(areasByName.get(name));
    }

    /** The gates with this area on one of their sides, in file order. */
    public List<FogGate> gatesOf(String area) {
        return List.copyOf(gatesByArea.getOrDefault(area, List.of()));
    }
}
