package com.speedfog.racing.seeds.zone;

import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.Connection;
import com.speedfog.racing.seeds.graph.Node;
import com.speedfog.racing.seeds.graph.SeedGraph;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells which node of a SpeedFog seed a map id belongs to, for seeds without event flags (graph.json v3).
 *
 * <p>A node's maps are those of its zones in fog.txt ({@code Maps}) plus the maps its fog gates let a
 * player out in (the seed's {@code connections}: the maps of the gate's side in the zone entered, see
 * {@link FogData#arrivalMaps}). Map ids are shared (legacy dungeons hold several zones, a cave entrance sits in an overworld
 * tile), so the answer depends on where the player was, most specific evidence first:
 * <ol>
 *   <li>a node the player can reach through a fog gate of the current node, whose gate lets out in that map;</li>
 *   <li>the current node itself (a death, a grace, a gate back into the same zone);</li>
 *   <li>a node reachable from the current node whose fog.txt zones lie in that map;</li>
 *   <li>anywhere in the seed, if only one node has that map — or only one of those next to the current
 *       node (a warp, a missed gate, an overlay started late).</li>
 * </ol>
 * Several nodes left at one step give {@link Located.Unsure}: the caller keeps them all as possible and
 * the next loading screen usually settles it.
 */
public final class ZoneLocator {

    private final SeedGraph graph;
    private final FogData fog;
    private final Map<String, Set<String>> areaMaps = new HashMap<>();
    private final Map<String, Set<String>> nodesOfArea = new HashMap<>();

    public ZoneLocator(SeedGraph graph, FogData fog) {
        this.graph = graph;
        this.fog = fog;
        for (Node node : graph.nodes()) {
            Set<String> maps = new HashSet<>();
            node.zones().forEach(zone -> {
                fog.area(zone).ifPresent(area -> maps.addAll(area.maps()));
                nodesOfArea.computeIfAbsent(zone, k -> new LinkedHashSet<>()).add(node.id());
            });
            areaMaps.put(node.id(), maps);
        }
    }

    public SeedGraph graph() {
        return graph;
    }

    /**
     * @param here    the node(s) the player may be in before the loading screen
     * @param map     the map id after it
     * @param respawn the loading screen followed a death: the player is back at a grace, never through a gate
     * @param visited the nodes the player has been in (a respawn only leads back to one of them)
     */
    public Located locate(Set<String> here, String map, boolean respawn, Set<String> visited) {
        Set<String> next = new LinkedHashSet<>();
        here.forEach(h -> graph.successors(h).forEach(node -> next.add(node.id())));
        next.removeAll(here);
        if (!respawn) {
            Set<String> throughGate = gateTargets(here, map);
            throughGate.retainAll(next);
            if (!throughGate.isEmpty()) {
                return moved(throughGate);
            }
        }
        Set<String> stayed = only(here, n -> mapsOf(n).contains(map));
        if (!stayed.isEmpty()) {
            return new Located.Stayed(stayed);
        }
        if (!respawn) {
            Set<String> byArea = only(next, n -> areaMaps.get(n).contains(map));
            if (!byArea.isEmpty()) {
                return moved(byArea);
            }
        }
        Set<String> anywhere = only(graph.nodes().stream().map(Node::id).toList(),
                n -> mapsOf(n).contains(map) && (!respawn || visited.contains(n)));
        if (anywhere.size() <= 1) {
            return anywhere.isEmpty() ? new Located.Nowhere() : moved(anywhere);
        }
        Set<String> near = new HashSet<>(next);
        here.forEach(h -> graph.predecessors(h).forEach(node -> near.add(node.id())));
        Set<String> nearby = only(anywhere, near::contains);
        return nearby.size() == 1 ? moved(nearby) : new Located.Unsure(anywhere);
    }

    /** Every map id the node may be read in: its fog.txt zones' maps and its gates' arrival maps. */
    public Set<String> mapsOf(String node) {
        Set<String> maps = new HashSet<>(areaMaps.getOrDefault(node, Set.of()));
        for (Connection c : graph.connections()) {
            if (nodesOfArea.getOrDefault(c.entranceArea(), Set.of()).contains(node)) {
                maps.addAll(fog.arrivalMaps(c.entranceGate(), c.entranceArea()));
            }
        }
        return maps;
    }

    /** Nodes entered through a gate leaving one of {@code here}'s zones that lets out in {@code map}. */
    private Set<String> gateTargets(Set<String> here, String map) {
        Set<String> targets = new LinkedHashSet<>();
        for (Connection c : graph.connections()) {
            boolean fromHere = nodesOfArea.getOrDefault(c.exitArea(), Set.of()).stream().anyMatch(here::contains);
            if (fromHere && fog.arrivalMaps(c.entranceGate(), c.entranceArea()).contains(map)) {
                targets.addAll(nodesOfArea.getOrDefault(c.entranceArea(), Set.of()));
            }
        }
        return targets;
    }

    private static Located moved(Set<String> nodes) {
        return nodes.size() == 1 ? new Located.Moved(nodes.iterator().next()) : new Located.Unsure(nodes);
    }

    private static Set<String> only(Collection<String> nodes, Predicate<String> keep) {
        Set<String> kept = new LinkedHashSet<>();
        nodes.stream().filter(keep).forEach(kept::add);
        return kept;
    }
}
