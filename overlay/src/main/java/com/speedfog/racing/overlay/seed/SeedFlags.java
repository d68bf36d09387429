package com.speedfog.racing.overlay.seed;

import com.speedfog.racing.seeds.graph.SeedGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event flags the overlay watches for a race: one per fog gate connection, naming the node entered
 * ({@code event_map}), and the one that means finished ({@code finish_event}). They come from the seed's
 * graph.json v4 ({@link #of(SeedGraph)}), from the server's seed info, or — for a v3 seed — only the final
 * boss's defeat flag.
 */
public record SeedFlags(Map<Long, String> nodeByFlag, OptionalLong finishEvent) {

    /** No flags known (yet): the server's seed info may bring them. */
    public static final SeedFlags NONE = new SeedFlags(Map.of(), OptionalLong.empty());

    public SeedFlags {
        nodeByFlag = Collections.unmodifiableMap(new LinkedHashMap<>(nodeByFlag));
    }

    /** The flags of a seed graph; none for a v3 graph, which has neither {@code event_map} nor {@code finish_event}. */
    public static SeedFlags of(SeedGraph graph) {
        return new SeedFlags(graph.eventMap(), graph.finishEvent());
    }

    /** Every flag worth watching: the connections' flags, then the finish flag. */
    public List<Long> allFlags() {
        List<Long> flags = new ArrayList<>(nodeByFlag.keySet());
        finishEvent.ifPresent(flag -> {
            if (!flags.contains(flag)) {
                flags.add(flag);
            }
        });
        return flags;
    }

    /** What a flag means, for people: the node it leads to, or "finish". */
    public String describe(long flag) {
        if (finishEvent.isPresent() && finishEvent.getAsLong() == flag) {
            return "finish";
        }
        return nodeByFlag.getOrDefault(flag, "?");
    }
}
