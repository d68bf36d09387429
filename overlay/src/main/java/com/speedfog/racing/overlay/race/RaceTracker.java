package com.speedfog.racing.overlay.race;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.ScreenState;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.overlay.zone.ZoneWatch;
import com.speedfog.racing.protocol.ModMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns samples of the game into the race's gameplay messages. A plain object: feed it snapshots with
 * the time they were taken and what the server said, and send what it returns.
 *
 * <ul>
 *   <li>{@code ready} once, as soon as the player is in game and the overlay is connected;</li>
 *   <li>while the race runs: {@code status_update} (IGT, deaths) once a second, except while a fog
 *       gate is held (its older IGT must reach the server first);</li>
 *   <li>a fog gate's event flag (graph.json v4 {@code event_map}) that becomes set gives one
 *       {@code event_flag}, held back while the loading screen it caused is up;</li>
 *   <li>on a seed without flags (v3), a {@link ZoneWatch} resolves the map id after each loading screen:
 *       a node entered for the first time gives {@code zone_entered}, once the loading screen is over;</li>
 *   <li>the seed's {@code finish_event} (v3: the final boss's defeat flag) gives {@code finished};
 *       nothing is sent after it;</li>
 *   <li>the first time the player is seen in game, an IGT above 15 s means the save is not fresh:
 *       a warning for the player (the server decides nothing from it).</li>
 * </ul>
 */
public final class RaceTracker {

    public static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);
    public static final long FRESH_SAVE_LIMIT_MS = 15_000;

    private SeedFlags seed;
    /** v3 seeds only: zones from the map id. */
    private final Optional<ZoneWatch> zones;
    private final Set<Long> reported = new HashSet<>();
    /** Fog flags seen set, waiting for the loading screen to end, with the IGT when first seen. */
    private final Map<Long, OptionalLong> held = new LinkedHashMap<>();
    private boolean readySent;
    private boolean finishSeen;
    private OptionalLong finishIgt = OptionalLong.empty();
    private boolean finishedSent;
    private boolean freshSaveChecked;
    private Optional<String> freshSaveWarning = Optional.empty();
    private long lastStatusAtMs = Long.MIN_VALUE;
    private Optional<String> lastNode = Optional.empty();
    private PlayerProgress progress = PlayerProgress.NOTHING_YET;

    public RaceTracker(SeedFlags seed) {
        this(seed, Optional.empty());
    }

    public RaceTracker(SeedFlags seed, Optional<ZoneWatch> zones) {
        this.seed = seed;
        this.zones = zones;
    }

    /** The node the server last named in a {@code zone_update} (where a restarted overlay resumes). */
    public void serverZone(String nodeId) {
        zones.ifPresent(z -> z.serverSays(nodeId));
    }

    /** The flags to read from the game: every fog flag of the seed and the finish flag. */
    public List<Long> watchedFlags() {
        return seed.allFlags();
    }

    /** Replaces the seed's flags (e.g. by those the server sent when no graph.json was at hand). */
    public void useSeed(SeedFlags flags) {
        this.seed = flags;
    }

    public SeedFlags seed() {
        return seed;
    }

    public PlayerProgress progress() {
        return progress;
    }

    /** The messages this snapshot calls for, in the order they must be sent. */
    public List<ModMessage.Gameplay> update(GameSnapshot snapshot, long nowMs, RaceSituation situation) {
        List<ModMessage.Gameplay> out = new ArrayList<>();
        boolean inGame = snapshot.isInGame();
        boolean loading = isLoading(snapshot);
        checkFreshSave(snapshot, inGame, situation);
        if (!finishedSent && !situation.selfDone()) {
            if (!readySent && inGame && situation.connected() && !situation.phase().isOver()) {
                out.add(new ModMessage.Ready(null));
                readySent = true;
            }
            if (situation.racing()) {
                race(snapshot, nowMs, inGame && !loading, out);
            }
        }
        progress = new PlayerProgress(inGame, loading, snapshot.igtMs(), snapshot.deaths(), lastNode, readySent,
                finishedSent || situation.selfDone(), freshSaveWarning);
        return out;
    }

    private void race(GameSnapshot snapshot, long nowMs, boolean arrived, List<ModMessage.Gameplay> out) {
        OptionalLong igt = snapshot.igtMs();
        for (long flag : seed.nodeByFlag().keySet()) {
            if (snapshot.flag(flag).orElse(false) && !reported.contains(flag) && !held.containsKey(flag)) {
                held.put(flag, igt);
            }
        }
        if (zones.isPresent()) {
            zones.get().update(snapshot).ifPresent(entry -> {
                out.add(new ModMessage.ZoneEntered(entry.node(), entry.igtMs(), entry.from().orElse(null), null));
                lastNode = Optional.of(entry.node());
            });
        }
        boolean zoneMayCome = zones.map(ZoneWatch::loading).orElse(false);
        OptionalLong finish = seed.finishEvent();
        if (!finishSeen && finish.isPresent() && snapshot.flag(finish.getAsLong()).orElse(false)) {
            finishSeen = true;
            finishIgt = igt;
        }
        if (arrived) {
            // The gate was crossed when the flag was first seen; report it now that the player is through.
            for (Map.Entry<Long, OptionalLong> gate : held.entrySet()) {
                long at = gate.getValue().isPresent() ? gate.getValue().getAsLong() : igt.orElse(0);
                out.add(new ModMessage.EventFlag(gate.getKey(), at, null));
                reported.add(gate.getKey());
                lastNode = Optional.of(seed.describe(gate.getKey()));
            }
            held.clear();
        }
        if (finishSeen && held.isEmpty() && !zoneMayCome) {
            OptionalLong at = finishIgt.isPresent() ? finishIgt : igt;
            if (at.isPresent()) {
                out.add(new ModMessage.Finished(at.getAsLong(), null));
                finishedSent = true;
                return;
            }
        }
        // While a gate is held, its IGT (when first seen) is older than the IGT now: a status sent before
        // it could be stored first, and the server would refuse the gate as going back in time. On v3 any
        // loading screen may turn out to be a gate, so statuses wait for its end.
        if (held.isEmpty() && !zoneMayCome && igt.isPresent() && snapshot.deaths().isPresent()
                && (lastStatusAtMs == Long.MIN_VALUE || nowMs - lastStatusAtMs >= STATUS_INTERVAL.toMillis())) {
            out.add(new ModMessage.StatusUpdate(igt.getAsLong(), (int) snapshot.deaths().getAsLong(), null, null, null));
            lastStatusAtMs = nowMs;
        }
    }

    private void checkFreshSave(GameSnapshot snapshot, boolean inGame, RaceSituation situation) {
        if (freshSaveChecked || !inGame || snapshot.igtMs().isEmpty()) {
            return;
        }
        freshSaveChecked = true;
        long igt = snapshot.igtMs().getAsLong();
        // Joining a race already running (a restart) legitimately finds a long IGT.
        if (igt > FRESH_SAVE_LIMIT_MS && !situation.racing() && !situation.phase().isOver()) {
            freshSaveWarning = Optional.of("This save already has " + IgtFormat.clock(igt)
                    + " of play: start the race from a fresh save (new character) made with this seed.");
        }
    }

    private static boolean isLoading(GameSnapshot snapshot) {
        boolean loadingScreen = snapshot.screenState().map(s -> s.kind() == ScreenState.Kind.LOADING).orElse(false);
        return loadingScreen || snapshot.mapId().isEmpty();
    }
}
