package com.speedfog.racing.seeds.spoiler;

import java.util.OptionalInt;

/**
 * A zone of a FogRando seed as its spoiler log lists it:
 * {@code Farum Azula - Dragon Temple (scaling: tier 4, previously 14)}.
 *
 * @param name         the fog.txt area text
 * @param tier         the enemy scaling tier the randomizer gave it, when the seed scales
 * @param previousTier the tier the zone has in the unrandomized game
 * @param boss         the log marks it as a boss arena ({@code <<<<<})
 * @param optional     listed under "Optional areas": not needed to finish
 */
public record SpoilerArea(String name, OptionalInt tier, OptionalInt previousTier, boolean boss, boolean optional) {
}
