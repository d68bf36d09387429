package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.connection.ConnectionListener;
import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.race.PlayerProgress;
import com.speedfog.racing.overlay.race.RacePhase;
import com.speedfog.racing.overlay.race.RaceSituation;
import com.speedfog.racing.protocol.ServerMessage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The overlay's current {@link OverlayView}, fed by the connection (it is its listener) and by the
 * race loop, read by the window. Thread-safe; observers hear of each real change.
 */
public final class OverlayState implements ConnectionListener {

    private final AtomicReference<OverlayView> view;
    private final List<Runnable> observers = new CopyOnWriteArrayList<>();

    public OverlayState(boolean exitsVisible) {
        this.view = new AtomicReference<>(OverlayView.initial(exitsVisible));
    }

    public OverlayView view() {
        return view.get();
    }

    /** {@code observer} runs (on the changing thread) after every change. */
    public void observe(Runnable observer) {
        observers.add(observer);
    }

    /** What the race logic needs from the server side right now. */
    public RaceSituation situation() {
        OverlayView now = view.get();
        boolean selfDone = now.self().map(e -> e.finished() || isDone(e.status())).orElse(false);
        return new RaceSituation(now.connection() == ConnectionState.CONNECTED, now.phase(), selfDone);
    }

    public void toggleUi() {
        update(v -> v.withToggles(!v.uiVisible(), v.exitsVisible()));
    }

    public void toggleExits() {
        update(v -> v.withToggles(v.uiVisible(), !v.exitsVisible()));
    }

    public void gameChanged(PlayerProgress progress, String gameStatus, int pendingMessages) {
        // Shown to the second: finer changes would only cost redraws.
        OptionalLong igt = progress.igtMs();
        PlayerProgress shown = igt.isEmpty() ? progress : new PlayerProgress(progress.inGame(), progress.loading(),
                OptionalLong.of(igt.getAsLong() / 1000 * 1000), progress.deaths(), progress.lastNode(),
                progress.readySent(), progress.finished(), progress.freshSaveWarning());
        update(v -> v.withGame(shown, gameStatus, pendingMessages));
    }

    public void notice(String text) {
        update(v -> v.withNotice(text));
    }

    // ---- ConnectionListener

    @Override
    public void stateChanged(ConnectionState state, String detail) {
        update(v -> v.withConnection(state, detail));
    }

    @Override
    public void authenticated(ServerMessage.AuthOk ok) {
        ServerMessage.RaceInfo race = ok.race();
        update(v -> v.withSelf(ok.participantId(), Optional.ofNullable(ok.seed()))
                .withRace(race == null ? "" : nonNull(race.name()), race == null ? RacePhase.UNKNOWN : RacePhase.fromWire(race.status()),
                        Optional.ofNullable(race == null ? null : race.scheduledStart()),
                        Optional.ofNullable(race == null ? null : race.startedAt()))
                .withLeaderboard(ok.participants()));
    }

    @Override
    public void raceStatusChanged(ServerMessage.RaceStatusChange change) {
        update(v -> {
            Optional<Instant> scheduled = Optional.ofNullable(change.scheduledStart());
            if (scheduled.isEmpty() && change.countdownSeconds() != null) {
                scheduled = Optional.of(Instant.now().plusSeconds(change.countdownSeconds()));
            }
            return v.withRace(v.raceName(), RacePhase.fromWire(change.status()), scheduled.or(v::scheduledStart),
                    Optional.ofNullable(change.startedAt()).or(v::startedAt));
        });
    }

    @Override
    public void raceStarted(ServerMessage.RaceStart start) {
        update(v -> v.withRace(v.raceName(), RacePhase.RUNNING, v.scheduledStart(),
                Optional.of(start.startedAt() == null ? Instant.now() : start.startedAt())));
    }

    @Override
    public void leaderboardChanged(ServerMessage.LeaderboardUpdate update) {
        update(v -> v.withLeaderboard(update.participants()));
    }

    @Override
    public void zoneChanged(ServerMessage.ZoneUpdate zone) {
        update(v -> v.withZone(zone));
    }

    @Override
    public void refused(ServerMessage.Error error) {
        update(v -> v.withNotice("server: " + error.code() + (error.message() == null ? "" : " (" + error.message() + ")")));
    }

    private void update(UnaryOperator<OverlayView> change) {
        OverlayView before;
        OverlayView after;
        do {
            before = view.get();
            after = change.apply(before);
        } while (!view.compareAndSet(before, after));
        if (!after.equals(before)) {
            observers.forEach(Runnable::run);
        }
    }

    private static boolean isDone(String status) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return s.equals("finished") || s.equals("abandoned");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
