package com.speedfog.racing.seeds.zone;

import java.util.Set;

/** Where a map id after a loading screen puts the player, as {@link ZoneLocator} tells. */
public sealed interface Located {

    /** In one node other than where the player was. */
    record Moved(String node) implements Located {
    }

    /** Still in (one of) the node(s) the player was in. */
    record Stayed(Set<String> nodes) implements Located {
        public Stayed {
            nodes = Set.copyOf(nodes);
        }
    }

    /** In one of several nodes the map id cannot tell apart. */
    record Unsure(Set<String> nodes) implements Located {
        public Unsure {
            nodes = Set.copyOf(nodes);
        }
    }

    /** In no node of the seed (a map the seed does not use). */
    record Nowhere() implements Located {
    }
}
