package com.speedfog.racing.overlay.zone;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One area of FogRando's fog.txt: the map tiles it lies in, and the flag set when its boss is defeated.
 *
 * @param maps  map ids written like m60_42_36_00
 * @param tags  e.g. {@code final} for the game's last boss, {@code minidungeon}, {@code trivial}
 */
public record FogArea(String name, String text, List<String> maps, OptionalLong defeatFlag, Set<String> tags) {

    public FogArea {
        maps = List.copyOf(maps);
        tags = Set.copyOf(tags);
    }
}
