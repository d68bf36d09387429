package com.speedfog.racing.seeds.fog;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A fog gate ({@code Entrances:}) or warp ({@code Warps:}) of fog.txt, joining two areas.
 *
 * @param fogId the id SpeedFog uses for it in graph.json: {@code <map>_<name>}, e.g. {@code m10_00_00_00_AEG099_002_9000}
 * @param kind  a fog gate (walked through both ways) or a warp (a sending gate, a coffin, ...)
 * @param id    fog.txt's {@code ID} (for warps graph.json may use {@code <map>_<id>} too)
 * @param map   the map holding the gate's asset
 * @param text  FogRando's description ("Godrick front")
 * @param aSide one side; for a warp, where it is used
 * @param bSide the other side; for a warp, where it lets out
 * @param tags  FogRando's tags ({@code unused}, {@code major}, ...)
 */
public record FogGate(String fogId, Kind kind, String id, String map, String text, GateSide aSide, GateSide bSide,
                      Set<String> tags) {

    public enum Kind { FOG_GATE, WARP }

    public FogGate {
        tags = Set.copyOf(tags);
    }

    public boolean touches(String area) {
        return aSide.area().equals(area) || bSide.area().equals(area);
    }

    /** The side lying in {@code area} (the A side when both do). */
    public Optional<GateSide> sideIn(String area) {
        if (aSide.area().equals(area)) {
            return Optional.of(aSide);
        }
        return bSide.area().equals(area) ? Optional.of(bSide) : Optional.empty();
    }

    /** The map the game reports while the player stands on this side of the gate. */
    public String mapOf(GateSide side) {
        return side.destinationMap().orElse(map);
    }

    /**
     * The maps the game may report on this side: {@link #mapOf(GateSide) its map}, then the gate's own map. Both,
     * because a side with a {@code DestinationMap} (a cave's inside, a legacy dungeon's) stands next to an asset
     * placed in another map (the overworld tile), and which one the game reports right after the crossing is
     * not checked against the real game here.
     */
    public Set<String> mapsOf(GateSide side) {
        Set<String> maps = new LinkedHashSet<>();
        maps.add(mapOf(side));
        if (!map.isEmpty()) {
            maps.add(map);
        }
        return maps;
    }

    /**
     * Where a player comes out when nothing says through which side: beside a fog gate, in its own map; at a
     * warp's destination.
     */
    public String arrivalMap() {
        return kind == Kind.WARP ? mapOf(bSide) : map;
    }
}
