package com.speedfog.racing.query.stats;

import java.util.regex.Pattern;

/**
 * The zone a seed's node stands for, the same on every seed. SpeedFog names a node after its first zone
 * plus a 4-hex-digit cluster suffix ({@code stormveil_db4a}: zone {@code stormveil}); the suffix differs
 * from seed to seed, the zone does not. Node ids without such a suffix are their own zone.
 */
public final class Zones {

    private static final Pattern CLUSTER_SUFFIX = Pattern.compile("_[0-9a-f]{4}$");

    private Zones() {
    }

    public static String zoneOf(String nodeId) {
        return CLUSTER_SUFFIX.matcher(nodeId).replaceFirst("");
    }
}
