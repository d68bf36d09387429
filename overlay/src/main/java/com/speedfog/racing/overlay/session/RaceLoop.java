package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.GameSource;
import com.speedfog.racing.overlay.game.MapId;
import com.speedfog.racing.overlay.memory.AccessDeniedException;
import com.speedfog.racing.overlay.race.IgtFormat;
import com.speedfog.racing.overlay.race.RaceSituation;
import com.speedfog.racing.overlay.race.RaceTracker;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ServerMessage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.IntSupplier;

/**
 * The heartbeat of a race: samples the game a few times a second, lets the {@link RaceTracker} decide
 * what to send, hands that to the connection, and publishes the player's progress for the window.
 */
public final class RaceLoop {

    public static final Duration SAMPLE_INTERVAL = Duration.ofMillis(200);

    private final GameSource game;
    private final RaceTracker tracker;
    private final OverlayState state;
    private final Consumer<ModMessage.Gameplay> send;
    private final IntSupplier pending;
    private final LongSupplier clockMs;
    private final Consumer<String> log;
    private boolean startedGame;
    /** The last sample in game, for {@link #whereAmI()} (read from the connection's thread). */
    private volatile GameSnapshot lastInGame;

    public RaceLoop(GameSource game, RaceTracker tracker, OverlayState state, Consumer<ModMessage.Gameplay> send,
                    IntSupplier pending, LongSupplier clockMs, Consumer<String> log) {
        this.game = game;
        this.tracker = tracker;
        this.state = state;
        this.send = send;
        this.pending = pending;
        this.clockMs = clockMs;
        this.log = log;
    }

    /** One step: read the game once, send what it calls for. */
    public void step() {
        adoptServerSeed();
        RaceSituation situation = state.situation();
        if (situation.racing() && !startedGame) {
            startedGame = true;
            game.raceStarted();
        }
        state.view().zone().ifPresent(zone -> tracker.serverZone(zone.nodeId()));
        GameSnapshot snapshot = game.read(tracker.watchedFlags());
        if (snapshot.isInGame()) {
            lastInGame = snapshot;
        }
        List<ModMessage.Gameplay> messages = tracker.update(snapshot, clockMs.getAsLong(), situation);
        for (ModMessage.Gameplay message : messages) {
            send.accept(message);
            if (!(message instanceof ModMessage.StatusUpdate)) {
                log.accept("sent " + describe(message));
            }
        }
        state.gameChanged(tracker.progress(), game.status(), pending.getAsInt());
    }

    /**
     * A {@code zone_query} with what the game last showed (map id, position), sent after each
     * {@code auth_ok}; the server answers with a {@code zone_update} for the exits panel.
     */
    public ModMessage.ZoneQuery whereAmI() {
        GameSnapshot last = lastInGame;
        if (last == null) {
            return new ModMessage.ZoneQuery(null, null, null, null, null);
        }
        return new ModMessage.ZoneQuery(last.mapId().map(MapId::raw).orElse(null),
                last.position().map(p -> List.of((double) p.x(), (double) p.y(), (double) p.z())).orElse(null),
                null, null, null);
    }

    /** Steps until the thread is interrupted. */
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                step();
            } catch (AccessDeniedException e) {
                // The player must act (EAC, ptrace): say so and stop reading.
                state.notice(e.getMessage());
                log.accept(e.getMessage());
                return;
            } catch (RuntimeException e) {
                // Keep racing: a bad sample must not end the overlay; the window shows the problem.
                state.notice("game reading failed: " + e.getMessage());
            }
            try {
                Thread.sleep(SAMPLE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Without a graph.json, the flags to watch are those the server sent with auth_ok. */
    private void adoptServerSeed() {
        if (!tracker.watchedFlags().isEmpty()) {
            return;
        }
        state.view().seed().filter(s -> s.eventIds() != null && !s.eventIds().isEmpty()).ifPresent(seed -> {
            tracker.useSeed(fromServer(seed));
            log.accept("watching the " + seed.eventIds().size() + " event flags the server sent");
        });
    }

    static SeedFlags fromServer(ServerMessage.SeedInfo seed) {
        Map<Long, String> byFlag = new LinkedHashMap<>();
        for (Long id : seed.eventIds()) {
            if (id != null && !id.equals(seed.finishEvent())) {
                byFlag.put(id, "flag " + id);
            }
        }
        return new SeedFlags(byFlag, seed.finishEvent() == null ? OptionalLong.empty() : OptionalLong.of(seed.finishEvent()));
    }

    private String describe(ModMessage.Gameplay message) {
        if (message instanceof ModMessage.EventFlag flag) {
            return "event_flag " + flag.flagId() + " (" + tracker.seed().describe(flag.flagId()) + ") at IGT "
                    + IgtFormat.clock(flag.igtMs());
        }
        if (message instanceof ModMessage.ZoneEntered zone) {
            return "zone_entered " + zone.toZone() + (zone.fromZone() == null ? "" : " from " + zone.fromZone())
                    + " at IGT " + IgtFormat.clock(zone.igtMs());
        }
        if (message instanceof ModMessage.Finished finished) {
            return "finished at IGT " + IgtFormat.clock(finished.igtMs());
        }
        return typeName(message);
    }

    private static String typeName(ModMessage.Gameplay message) {
        return message.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
