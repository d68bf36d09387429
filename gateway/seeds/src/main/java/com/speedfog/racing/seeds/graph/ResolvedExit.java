package com.speedfog.racing.seeds.graph;

/** An exit together with the node it leads to, so callers can show the target's display name and layer. */
public record ResolvedExit(Exit exit, Node target) {

    public String targetDisplayName() {
        return target.displayName();
    }
}
