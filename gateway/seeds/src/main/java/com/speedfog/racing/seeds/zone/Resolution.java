package com.speedfog.racing.seeds.zone;

import java.util.List;

/** What a traversal (map before, map after a loading screen) resolves to. */
public sealed interface Resolution {

    /** Exactly one link of the seed fits. */
    record Unique(Traversal traversal) implements Resolution {
    }

    /** Several links fit: the player must say which (or the next loading screen may). */
    record Ambiguous(List<Traversal> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** No link fits: not a fog gate (a grace, a death, a preexisting door) or a map outside the seed. */
    record Unknown() implements Resolution {
    }
}
