package com.speedfog.racing.seeds.synthetic;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An area of FogRando's fog.txt ({@code Areas:}), the unit SpeedFog calls a zone.
 *
 * @param name       the zone name used in graph.json ({@code stormveil_start})
 * @param text       the name shown to people ({@code Stormveil Castle before Gate})
 * @param maps       the game maps it lies on ({@code m10_00_00_00})
 * @param tags       FogRando's tags ({@code minidungeon}, {@code trivial}, {@code dlc}, ...)
 * @param defeatFlag the event flag the game sets when the area's boss is defeated, for boss areas
 */
public record FogArea(String name, String text, List<String> maps, Set<String> tags, OptionalLong defeatFlag) {

    public FogArea {
        maps = List.copyOf(maps);
        tags = Set.copyOf(tags);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
