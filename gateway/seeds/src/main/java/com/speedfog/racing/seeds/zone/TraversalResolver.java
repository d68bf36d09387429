package com.speedfog.racing.seeds.zone;

import com.speedfog.racing.seeds.fog.FogArea;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.fog.FogGate;
import com.speedfog.racing.seeds.fog.GateSide;
import com.speedfog.racing.seeds.spoiler.SpoilerArea;
import com.speedfog.racing.seeds.spoiler.SpoilerLog;
import com.speedfog.racing.seeds.spoiler.ZoneLink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Map ids → zones of a FogRando seed (integration spec §3.5, §4.2): which link of the spoiler log a fog traversal
 * was, from the map id before and after its loading screen, and which zone a map id lies in.
 *
 * <p>Each random link is placed on maps by its two ways: the log's "where" texts ("before Godrick's arena")
 * are the texts of fog.txt gate sides in the named zones, so the side the player leaves from and the side
 * they come out on are known, with their maps ({@link FogGate#mapsOf}). A link whose sides cannot be found
 * falls back to its zones' maps (the spec's method, {@link #byZoneMapsOnly}). Fog gates are walked both
 * ways; warps only forwards, unless the seed couples them ({@code coupledwarp}).
 */
public final class TraversalResolver {

    private record MapPair(String before, String after) {
    }

    /** Where a link lies: the maps of its way out and of its way in, and whether it can be walked back. */
    private record Placed(ZoneLink link, Set<String> sourceMaps, Set<String> destinationMaps, boolean twoWay,
                          boolean exact) {
    }

    private final SpoilerLog log;
    private final FogData fog;
    private final Map<ZoneLink, Placed> placed = new LinkedHashMap<>();
    private final Map<MapPair, List<Traversal>> byMaps = new HashMap<>();

    private TraversalResolver(SpoilerLog log, FogData fog, boolean useGateSides) {
        this.log = log;
        this.fog = fog;
        boolean coupledWarps = log.options().contains("coupledwarp");
        for (ZoneLink link : log.randomLinks()) {
            Placed exact = place(link, coupledWarps);
            placed.put(link, exact);
            Placed where = useGateSides ? exact : byZones(link);
            for (String before : where.sourceMaps()) {
                for (String after : where.destinationMaps()) {
                    add(new MapPair(before, after), new Traversal(link, false));
                }
            }
            if (where.twoWay()) {
                for (String before : where.destinationMaps()) {
                    for (String after : where.sourceMaps()) {
                        add(new MapPair(before, after), new Traversal(link, true));
                    }
                }
            }
        }
    }

    /** The resolver overlays use: links placed by their fog gates' sides. */
    public static TraversalResolver of(SpoilerLog log, FogData fog) {
        return new TraversalResolver(log, fog, true);
    }

    /**
     * The integration spec's resolver (§4.2), for comparison: every map of the source zone × every map of the
     * destination zone, forwards only.
     */
    public static TraversalResolver byZoneMapsOnly(SpoilerLog log, FogData fog) {
        return new TraversalResolver(log, fog, false);
    }

    public SpoilerLog log() {
        return log;
    }

    private void add(MapPair pair, Traversal traversal) {
        List<Traversal> list = byMaps.computeIfAbsent(pair, k -> new ArrayList<>());
        if (!list.contains(traversal)) {
            list.add(traversal);
        }
    }

    private Placed place(ZoneLink link, boolean coupledWarps) {
        List<Side> from = sides(link.source(), link.sourceDetails());
        List<Side> to = sides(link.destination(), link.targetDetails());
        if (from.isEmpty() || to.isEmpty()) {
            Placed fallback = byZones(link);
            return new Placed(link, from.isEmpty() ? fallback.sourceMaps() : mapsOf(from),
                    to.isEmpty() ? fallback.destinationMaps() : mapsOf(to), false, false);
        }
        boolean twoWay = coupledWarps || (from.stream().allMatch(Side::fogGate) && to.stream().allMatch(Side::fogGate));
        return new Placed(link, mapsOf(from), mapsOf(to), twoWay, true);
    }

    private Placed byZones(ZoneLink link) {
        return new Placed(link, zoneMaps(link.source()), zoneMaps(link.destination()), false, false);
    }

    private record Side(FogGate gate, GateSide side) {
        boolean fogGate() {
            return gate.kind() == FogGate.Kind.FOG_GATE;
        }
    }

    /** The gate sides in the zone named {@code zone} whose text is {@code details}. */
    private List<Side> sides(String zone, String details) {
        List<Side> found = new ArrayList<>();
        if (details.isEmpty()) {
            return found;
        }
        for (FogArea area : fog.areasWithText(zone)) {
            for (FogGate gate : fog.gatesOf(area.name())) {
                for (GateSide side : List.of(gate.aSide(), gate.bSide())) {
                    if (side.area().equals(area.name()) && side.text().equals(details)) {
                        found.add(new Side(gate, side));
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> mapsOf(List<Side> sides) {
        Set<String> maps = new LinkedHashSet<>();
        sides.forEach(side -> maps.addAll(side.gate().mapsOf(side.side())));
        return maps;
    }

    private Set<String> zoneMaps(String zone) {
        Set<String> maps = new LinkedHashSet<>();
        fog.areasWithText(zone).forEach(area -> maps.addAll(area.maps()));
        return maps;
    }

    /** The traversal(s) whose way out lies in {@code mapBefore} and way in in {@code mapAfter}. */
    public Resolution resolve(String mapBefore, String mapAfter) {
        return resolution(byMaps.getOrDefault(new MapPair(mapBefore, mapAfter), List.of()));
    }

    /**
     * As {@link #resolve(String, String)}, keeping only traversals leaving one of {@code here} (the zones the
     * player may be in) when any does; the others still count when none does (the overlay may be wrong).
     */
    public Resolution resolve(String mapBefore, String mapAfter, Set<String> here) {
        List<Traversal> all = byMaps.getOrDefault(new MapPair(mapBefore, mapAfter), List.of());
        List<Traversal> fromHere = all.stream().filter(traversal -> here.contains(traversal.from())).toList();
        return resolution(fromHere.isEmpty() ? all : fromHere);
    }

    private static Resolution resolution(List<Traversal> candidates) {
        if (candidates.isEmpty()) {
            return new Resolution.Unknown();
        }
        return candidates.size() == 1 ? new Resolution.Unique(candidates.get(0)) : new Resolution.Ambiguous(candidates);
    }

    /**
     * The zones of the seed lying in this map, most specific first (fewest maps: a boss arena before the
     * overworld region around it, §3.5), then in the log's order.
     */
    public List<String> zonesAt(String map) {
        List<String> zones = new ArrayList<>();
        Map<String, Integer> mapCount = new HashMap<>();
        for (SpoilerArea area : log.areas()) {
            Set<String> maps = zoneMaps(area.name());
            if (maps.contains(map)) {
                zones.add(area.name());
                mapCount.put(area.name(), maps.size());
            }
        }
        zones.sort(Comparator.comparingInt(mapCount::get));
        return zones;
    }

    /**
     * The ways out of a zone for the overlay's contextual view: its random links (forwards, and backwards
     * through two-way gates leading into it), then its preexisting ones, in the log's order.
     */
    public List<Traversal> waysOut(String zone) {
        List<Traversal> ways = new ArrayList<>();
        for (Placed where : placed.values()) {
            if (where.link().source().equals(zone)) {
                ways.add(new Traversal(where.link(), false));
            } else if (where.twoWay() && where.link().destination().equals(zone)) {
                ways.add(new Traversal(where.link(), true));
            }
        }
        log.linksFrom(zone).stream().filter(link -> !link.isRandom()).forEach(link -> ways.add(new Traversal(link, false)));
        return ways;
    }

    /** Whether a random link can be walked back (a fog gate, or a coupled warp). */
    public boolean twoWay(ZoneLink link) {
        return Optional.ofNullable(placed.get(link)).map(Placed::twoWay).orElse(false);
    }

    /**
     * Resolves every random link walked forwards, from the first map of its way out to the first map of its
     * way in (as its gate sides place it, whichever way this resolver indexes links), and counts how each one
     * resolves.
     */
    public ResolutionReport measure() {
        int unique = 0;
        int knowingZone = 0;
        int ambiguous = 0;
        int sameMap = 0;
        int unknown = 0;
        int identified = 0;
        for (Placed where : placed.values()) {
            if (where.exact()) {
                identified++;
            }
            if (where.sourceMaps().isEmpty() || where.destinationMaps().isEmpty()) {
                unknown++;
                continue;
            }
            String before = where.sourceMaps().iterator().next();
            String after = where.destinationMaps().iterator().next();
            Traversal walked = new Traversal(where.link(), false);
            if (before.equals(after)) {
                sameMap++;
            }
            Resolution alone = resolve(before, after);
            if (alone instanceof Resolution.Unique found && found.traversal().equals(walked)) {
                unique++;
            } else if (alone instanceof Resolution.Ambiguous) {
                ambiguous++;
            } else if (!(alone instanceof Resolution.Unique)) {
                unknown++;
            }
            Resolution knowing = resolve(before, after, Set.of(where.link().source()));
            if (knowing instanceof Resolution.Unique found && found.traversal().equals(walked)) {
                knowingZone++;
            }
        }
        return new ResolutionReport(placed.size(), unique, knowingZone, ambiguous, sameMap, unknown, identified);
    }
}
