package com.speedfog.racing.seeds.fog;

import java.util.Optional;

/**
 * One side of a fog gate or warp ({@code ASide:} / {@code BSide:} in fog.txt).
 *
 * @param area           the area on this side; empty when fog.txt gives none
 * @param text           where this side is, for people; FogRando spoiler logs quote it in brackets after the
 *                       zone name ("before Godrick's arena")
 * @param destinationMap the map the game puts a player in on this side, when it is not the gate's own map
 */
public record GateSide(String area, String text, Optional<String> destinationMap) {

    public static final GateSide NONE = new GateSide("", "", Optional.empty());
}
