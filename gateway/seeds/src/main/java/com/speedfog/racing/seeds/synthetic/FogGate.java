package com.speedfog.racing.seeds.synthetic;

import java.util.Set;

/**
 * A fog gate or warp of fog.txt ({@code Entrances:} and {@code Warps:}), joining two areas.
 *
 * @param fogId the id SpeedFog uses for it in graph.json: {@code <map>_<name>}, e.g. {@code m10_00_00_00_AEG099_002_9000}
 * @param text  FogRando's description ("Godrick front")
 * @param aSide the area on one side, empty when fog.txt gives none
 * @param bSide the area on the other side, empty when fog.txt gives none
 * @param tags  FogRando's tags ({@code unused}, {@code major}, ...)
 */
public record FogGate(String fogId, String text, String aSide, String bSide, Set<String> tags) {

    public FogGate {
        tags = Set.copyOf(tags);
    }

    public boolean touches(String area) {
        return aSide.equals(area) || bSide.equals(area);
    }
}
