package com.speedfog.racing.seeds.zone;

import com.speedfog.racing.seeds.spoiler.ZoneLink;

/**
 * A walk through one link of a FogRando seed: forwards (from the link's source into its destination) or, for a
 * two-way gate, backwards. Either way it discovers the link.
 */
public record Traversal(ZoneLink link, boolean reversed) {

    /** The zone left. */
    public String from() {
        return reversed ? link.destination() : link.source();
    }

    /** The zone entered. */
    public String to() {
        return reversed ? link.source() : link.destination();
    }

    /** Where the way out is in the zone left ("before Godrick's arena"). */
    public String fromDetails() {
        return reversed ? link.targetDetails() : link.sourceDetails();
    }

    /** Where it lets out in the zone entered. */
    public String toDetails() {
        return reversed ? link.sourceDetails() : link.targetDetails();
    }
}
