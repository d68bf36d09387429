package com.speedfog.racing.overlay.zone;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.seeds.zone.Located;
import com.speedfog.racing.seeds.zone.ZoneLocator;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the player through a v3 seed (no event flags) from the map id: every loading screen is a
 * possible fog gate, and once it ends the new map id is resolved by the {@link ZoneLocator}. The zone
 * change is only known — and reported — when the loading screen is over; its IGT is the one at which
 * the loading screen began (the crossing).
 *
 * <p>A node is reported once, the first time the player enters it (as v4 seeds report each gate's flag
 * once); going back to a node already entered only moves the overlay's own idea of where the player is.
 * A loading screen after a death is a respawn at a grace: it never enters a new node.
 */
public final class ZoneWatch {

    private final ZoneLocator locator;
    private final Consumer<String> log;
    private final Set<String> visited = new HashSet<>();
    private Set<String> here = new LinkedHashSet<>();
    private boolean seenInGame;
    private boolean loading;
    private OptionalLong lastIgt = OptionalLong.empty();
    private OptionalLong loadIgt = OptionalLong.empty();
    private OptionalLong deathsAtArrival = OptionalLong.empty();

    /** Starts in the seed's start node. */
    public ZoneWatch(ZoneLocator locator, Consumer<String> log) {
        this.locator = locator;
        this.log = log;
        moveTo(locator.graph().startNode().id());
    }

    /** The node(s) the player may be in now: one when sure. */
    public Set<String> here() {
        return Set.copyOf(here);
    }

    /** A loading screen is up after the player was in game: a zone entry may be coming, with an older IGT. */
    public boolean loading() {
        return loading;
    }

    /**
     * The server says where the player is (its {@code zone_update}, e.g. after an overlay restart). Taken
     * only for a node this overlay did not see the player enter itself: its own reports come back later
     * and must not move it back.
     */
    public void serverSays(String node) {
        if (locator.graph().node(node).isPresent() && !visited.contains(node)) {
            moveTo(node);
        }
    }

    /** Feed every sample while the race runs; answers the node entered when a loading screen just ended there. */
    public Optional<ZoneEntry> update(GameSnapshot snapshot) {
        if (!snapshot.isInGame()) {
            if (seenInGame && !loading) {
                loading = true;
                loadIgt = snapshot.igtMs().isPresent() ? snapshot.igtMs() : lastIgt;
            }
            return Optional.empty();
        }
        Optional<ZoneEntry> entry = Optional.empty();
        if (loading) {
            loading = false;
            entry = arrived(snapshot);
        }
        if (!seenInGame || deathsAtArrival.isEmpty()) {
            deathsAtArrival = snapshot.deaths();
        }
        seenInGame = true;
        if (snapshot.igtMs().isPresent()) {
            lastIgt = snapshot.igtMs();
        }
        return entry;
    }

    private Optional<ZoneEntry> arrived(GameSnapshot snapshot) {
        boolean respawn = snapshot.deaths().isPresent() && deathsAtArrival.isPresent()
                && snapshot.deaths().getAsLong() > deathsAtArrival.getAsLong();
        deathsAtArrival = snapshot.deaths();
        String map = snapshot.mapId().orElseThrow().toString();
        Located located = locator.locate(here, map, respawn, visited);
        if (located instanceof Located.Moved moved) {
            Optional<String> from = here.size() == 1 ? Optional.of(here.iterator().next()) : Optional.empty();
            boolean isNew = visited.add(moved.node());
            moveTo(moved.node());
            if (isNew && !respawn) {
                long igt = loadIgt.isPresent() ? loadIgt.getAsLong() : snapshot.igtMs().orElse(0);
                return Optional.of(new ZoneEntry(moved.node(), from, igt));
            }
        } else if (located instanceof Located.Stayed stayed) {
            here = new LinkedHashSet<>(stayed.nodes());
        } else if (located instanceof Located.Unsure unsure) {
            here = new LinkedHashSet<>(unsure.nodes());
            log.accept("map " + map + " could be any of " + unsure.nodes() + ": waiting for the next loading screen to tell");
        } else {
            log.accept("map " + map + " is in no zone of this seed: still counting the player in " + here);
        }
        return Optional.empty();
    }

    private void moveTo(String node) {
        visited.add(node);
        here = new LinkedHashSet<>(Set.of(node));
    }
}
