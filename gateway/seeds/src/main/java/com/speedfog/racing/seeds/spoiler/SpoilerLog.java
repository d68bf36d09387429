package com.speedfog.racing.seeds.spoiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A FogRando seed as its spoiler log describes it: the seed number, every zone with its scaling, and every
 * way between zones with FogRando's "where" texts (integration spec §8.1). Immutable; read one with
 * {@link #parse(Path)} or {@link #parse(InputStream, String)}, or assemble one from zone pairs a client sent
 * with {@link #of(long, Set, List, List)}.
 */
public final class SpoilerLog {

    private final long seed;
    private final Set<String> options;
    private final List<SpoilerArea> areas;
    private final List<ZoneLink> links;
    private final Map<String, SpoilerArea> areasByName = new LinkedHashMap<>();

    private SpoilerLog(long seed, Set<String> options, List<SpoilerArea> areas, List<ZoneLink> links) {
        this.seed = seed;
        this.options = Set.copyOf(options);
        this.links = List.copyOf(links);
        for (SpoilerArea area : areas) {
            areasByName.putIfAbsent(area.name(), area);
        }
        // A zone named only in a link (a log without scaling lists the start zone nowhere else) is a zone too.
        for (ZoneLink link : this.links) {
            areasByName.putIfAbsent(link.source(), plain(link.source()));
            areasByName.putIfAbsent(link.destination(), plain(link.destination()));
        }
        this.areas = List.copyOf(areasByName.values());
    }

    private static SpoilerArea plain(String name) {
        return new SpoilerArea(name, OptionalInt.empty(), OptionalInt.empty(), false, false);
    }

    /** A seed from its parts (zone pairs a client sent); zones named by links only are added. */
    public static SpoilerLog of(long seed, Set<String> options, List<SpoilerArea> areas, List<ZoneLink> links) {
        return new SpoilerLog(seed, options, areas, links);
    }

    /**
     * Reads a spoiler log file ({@code spoiler_logs/<date>_log_<seed>_<hash>.txt}).
     *
     * @throws InvalidSpoilerLogException when the file is missing, unreadable or not a FogRando spoiler log
     */
    public static SpoilerLog parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidSpoilerLogException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidSpoilerLogException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads spoiler log content; {@code label} names it in error messages.
     *
     * @throws InvalidSpoilerLogException when it is not a FogRando spoiler log
     */
    public static SpoilerLog parse(InputStream log, String label) {
        return new SpoilerLogReader(label).read(log);
    }

    /** The seed number FogRando ran with ({@code seed:561689827}). */
    public long seed() {
        return seed;
    }

    /** FogRando's options of the run ({@code coupledwarp}, {@code crawl}, {@code scale}, ...), without the seed. */
    public Set<String> options() {
        return options;
    }

    /** Every zone, in the log's order (earliest reachable first), then zones named only in links. */
    public List<SpoilerArea> areas() {
        return areas;
    }

    public Optional<SpoilerArea> area(String name) {
        return Optional.ofNullable(areasByName.get(name));
    }

    /** Every way between zones, in the log's order. */
    public List<ZoneLink> links() {
        return links;
    }

    /** The links the randomizer made: what an explorer discovers. */
    public List<ZoneLink> randomLinks() {
        return links.stream().filter(ZoneLink::isRandom).toList();
    }

    /** The links leaving this zone, in the log's order. */
    public List<ZoneLink> linksFrom(String zone) {
        return links.stream().filter(link -> link.source().equals(zone)).toList();
    }

    /** The link joining these zones in this order; a random one before a preexisting one. */
    public Optional<ZoneLink> link(String source, String destination) {
        List<ZoneLink> found = new ArrayList<>(links.stream().filter(link -> link.joins(source, destination)).toList());
        found.sort((a, b) -> Boolean.compare(b.isRandom(), a.isRandom()));
        return found.stream().findFirst();
    }

    @Override
    public String toString() {
        return "SpoilerLog[seed " + seed + ", " + areas.size() + " zones, " + links.size() + " links ("
                + randomLinks().size() + " random)]";
    }
}
