package com.speedfog.racing.seeds.spoiler;

import java.util.Objects;

/**
 * One way into a zone, as a FogRando spoiler log lists it (integration spec §8.1):
 * {@code Random: Chapel of Anticipation (before Grafted Scion's arena) --> Stormveil Castle after Gate (before Godrick's arena)}.
 *
 * @param source        the zone left (fog.txt area text, as spoiler logs name areas)
 * @param destination   the zone entered
 * @param kind          random (discoverable) or preexisting
 * @param sourceDetails where the way out is in the source zone, without brackets; empty when the log gives none
 * @param targetDetails where it lets out in the destination zone; empty when the log gives none
 */
public record ZoneLink(String source, String destination, LinkKind kind, String sourceDetails, String targetDetails) {

    public ZoneLink {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(kind, "kind");
        sourceDetails = sourceDetails == null ? "" : sourceDetails;
        targetDetails = targetDetails == null ? "" : targetDetails;
    }

    public boolean isRandom() {
        return kind == LinkKind.RANDOM;
    }

    /** Whether this link joins the two zones in this order. */
    public boolean joins(String from, String to) {
        return source.equals(from) && destination.equals(to);
    }
}
