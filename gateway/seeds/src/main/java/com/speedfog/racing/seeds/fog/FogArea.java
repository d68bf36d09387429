package com.speedfog.racing.seeds.fog;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An area of FogRando's fog.txt ({@code Areas:}): what SpeedFog's graph.json calls a zone and what a FogRando
 * spoiler log names by its {@link #text()}.
 *
 * @param name       the zone name used in graph.json ({@code stormveil_start})
 * @param text       the name shown to people and used in spoiler logs ({@code Stormveil Castle before Gate})
 * @param maps       the game maps it lies on, map ids only ({@code m10_00_00_00})
 * @param tags       FogRando's tags ({@code minidungeon}, {@code trivial}, {@code dlc}, {@code final}, ...)
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
