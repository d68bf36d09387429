package com.speedfog.racing.overlay.session;

import com.speedfog.racing.overlay.config.InvalidConfigException;
import com.speedfog.racing.overlay.config.RaceConfig;
import com.speedfog.racing.overlay.config.RaceConfigLoader;
import com.speedfog.racing.overlay.connection.ConnectionOptions;
import com.speedfog.racing.overlay.connection.ConnectionState;
import com.speedfog.racing.overlay.connection.Outbox;
import com.speedfog.racing.overlay.connection.RaceConnection;
import com.speedfog.racing.overlay.game.GameSource;
import com.speedfog.racing.overlay.game.LiveGame;
import com.speedfog.racing.overlay.memory.ProcessMemories;
import com.speedfog.racing.overlay.race.RaceTracker;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.overlay.simulate.SimulatedGame;
import com.speedfog.racing.overlay.simulate.SimulationGraph;
import com.speedfog.racing.overlay.simulate.SimulationPace;
import com.speedfog.racing.overlay.window.FramePacer;
import com.speedfog.racing.overlay.window.GlobalKeys;
import com.speedfog.racing.overlay.window.OverlayWindow;
import com.speedfog.racing.overlay.zone.ZoneWatch;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.graph.InvalidSeedGraphException;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.zone.FinishFlag;
import com.speedfog.racing.seeds.zone.ZoneLocator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The race modes (normal, --simulate, --headless): config, outbox, connection, game, race loop, window. */
public final class OverlayApp {

    public static final int EXIT_OK = 0;
    public static final int EXIT_SETUP_FAILED = 1;
    public static final int EXIT_TOKEN_REFUSED = 3;
    public static final int EXIT_REPLACED = 4;

    /**
     * @param exitWhenDone stop once the run is finished and every message acknowledged (bots, tests)
     */
    public record Options(Path config, boolean simulate, boolean headless, String processName, Duration pace,
                          double speed, long simulationSeed, boolean exitWhenDone, String clientVersion) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Options options;
    private final PrintStream out;
    private final Consumer<String> log;
    /** Counted down to end {@link #run()}: by {@link #stop()} or the JVM shutting down (Ctrl+C). */
    private final CountDownLatch stop = new CountDownLatch(1);

    public OverlayApp(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.log = line -> {
            synchronized (out) {
                out.println("[" + LocalTime.now().format(STAMP) + "] " + line);
                out.flush();
            }
        };
    }

    public int run() {
        RaceConfig config;
        try {
            config = RaceConfigLoader.load(options.config());
        } catch (InvalidConfigException e) {
            out.println(e.getMessage());
            return EXIT_SETUP_FAILED;
        }
        Path folder = config.file().toAbsolutePath().getParent();
        Path graph = folder.resolve(SeedGraph.FILE_NAME);
        RaceTracker tracker = trackerFor(graph);
        GameSource game;
        try {
            game = options.simulate() ? simulatedGame(graph) : new LiveGame(options.processName(), ProcessMemories::attach);
        } catch (IOException | IllegalArgumentException e) {
            out.println("--simulate: " + e.getMessage());
            return EXIT_SETUP_FAILED;
        }
        Outbox outbox;
        try {
            outbox = Outbox.open(Outbox.fileFor(folder, config.server().raceId()));
        } catch (IOException e) {
            out.println("cannot open the outbox in " + folder.resolve(Outbox.FOLDER) + ": " + e.getMessage());
            return EXIT_SETUP_FAILED;
        }
        if (outbox.ignoredLines() > 0) {
            log.accept("outbox: " + outbox.ignoredLines() + " damaged line(s) ignored (an earlier run stopped mid-write)");
        }
        OverlayState state = new OverlayState(true);
        RaceConnection connection = new RaceConnection(ConnectionOptions.forRace(config.server().url(),
                config.server().raceId(), config.server().modToken(), options.clientVersion()), outbox, state, log);
        RaceLoop loop = new RaceLoop(game, tracker, state, connection::submit, connection::pendingMessages,
                System::currentTimeMillis, log);
        connection.whereAmI(loop::whereAmI);
        boolean headless = options.headless() || !config.overlay().enabled();
        if (!options.headless() && !config.overlay().enabled()) {
            log.accept("overlay.enabled = false in the config: running without a window");
        }
        log.accept("race " + config.server().raceId() + " on " + config.server().url()
                + (options.simulate() ? ", simulated player" : ", reading " + options.processName()));

        Thread loopThread = new Thread(loop::run, "race-loop");
        loopThread.setDaemon(true);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(cleanedUp, 5);
        }, "overlay-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            connection.start();
            loopThread.start();
            if (headless) {
                new HeadlessReporter(state, log).attach();
                runHeadless(state, connection, stop);
            } else {
                runWindow(config, state, connection, stop);
            }
            ConnectionState last = connection.state();
            return last == ConnectionState.REFUSED ? EXIT_TOKEN_REFUSED : last == ConnectionState.REPLACED ? EXIT_REPLACED : EXIT_OK;
        } finally {
            loopThread.interrupt();
            connection.close();
            game.close();
            try {
                outbox.close();
            } catch (IOException e) {
                log.accept("outbox: " + e.getMessage());
            }
            if (outbox.size() > 0) {
                log.accept(outbox.size() + " message(s) not acknowledged yet: kept in " + outbox.file() + " for the next start");
            }
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /**
     * Asks a running {@link #run()} to end as Ctrl+C would: it closes the connection (unacknowledged
     * messages stay in the outbox file) and returns. Safe from any thread, before or during the run.
     */
    public void stop() {
        stop.countDown();
    }

    private void runHeadless(OverlayState state, RaceConnection connection, CountDownLatch stop) {
        while (stop.getCount() > 0) {
            if (connection.state().isFinal()) {
                return;
            }
            if (options.exitWhenDone() && state.view().progress().finished() && connection.pendingMessages() == 0) {
                log.accept("run finished and acknowledged: stopping");
                return;
            }
            awaitQuietly(stop, 0.2);
        }
    }

    private void runWindow(RaceConfig config, OverlayState state, RaceConnection connection, CountDownLatch stop) {
        OverlayWindow window;
        try {
            window = OverlayWindow.open(state, config.overlay(), config.keybindings(), Clock.systemUTC(), FramePacer.DEFAULT, log);
        } catch (RuntimeException | LinkageError e) {
            log.accept("no window (" + e.getMessage() + "): going on without one, as with --headless");
            new HeadlessReporter(state, log).attach();
            runHeadless(state, connection, stop);
            return;
        }
        Optional<GlobalKeys> keys = GlobalKeys.start(config.keybindings(), state::toggleUi, state::toggleExits, log);
        log.accept("overlay window open (" + (window.transparent() ? "see-through" : "opaque") + "); keys: "
                + config.keybindings().toggleUi() + " shows/hides it, " + config.keybindings().toggleExits()
                + " the exits. Close it with Ctrl+C here.");
        try {
            window.run(() -> stop.getCount() == 0
                    || (options.exitWhenDone() && state.view().progress().finished() && connection.pendingMessages() == 0));
        } finally {
            keys.ifPresent(GlobalKeys::close);
            window.close();
        }
    }

    /** v4: the seed's flags. v3 (no event_map): zones from the map id, finished on the final boss's defeat flag. */
    private RaceTracker trackerFor(Path graphFile) {
        Optional<SeedGraph> graph = loadGraph(graphFile);
        if (graph.isEmpty()) {
            return new RaceTracker(SeedFlags.NONE);
        }
        SeedFlags flags = SeedFlags.of(graph.get());
        if (!flags.allFlags().isEmpty()) {
            return new RaceTracker(flags);
        }
        FogData fog = FogData.bundled();
        Optional<FinishFlag> finish = FinishFlag.of(graph.get(), fog);
        finish.ifPresentOrElse(f -> log.accept("finish: flag " + f.flag() + ", the " + f.why()),
                () -> log.accept("no final boss defeat flag found: the finish must be reported by the server"));
        ZoneWatch watch = new ZoneWatch(new ZoneLocator(graph.get(), fog), log);
        log.accept("graph.json " + graph.get().version() + " without event flags: zones are read from the map id "
                + "(fog.txt), starting in " + watch.here());
        return new RaceTracker(new SeedFlags(flags.nodeByFlag(),
                finish.map(f -> OptionalLong.of(f.flag())).orElse(OptionalLong.empty())), Optional.of(watch));
    }

    private Optional<SeedGraph> loadGraph(Path graph) {
        if (!Files.isRegularFile(graph)) {
            log.accept("no " + graph.getFileName() + " next to the config: the flags to watch will come from the server");
            return Optional.empty();
        }
        try {
            return Optional.of(SeedGraph.parse(graph));
        } catch (InvalidSeedGraphException e) {
            log.accept("cannot read " + e.getMessage() + ": the flags to watch will come from the server");
            return Optional.empty();
        }
    }

    private GameSource simulatedGame(Path graphFile) throws IOException {
        if (!Files.isRegularFile(graphFile)) {
            throw new IOException("needs the seed's graph.json next to the config (" + graphFile + ")");
        }
        SimulationGraph graph = SimulationGraph.load(graphFile);
        SimulatedGame game = new SimulatedGame(graph, SimulationPace.of(options.pace(), options.speed(),
                options.simulationSeed()), System::currentTimeMillis);
        log.accept("simulated player: " + game.run().path().size() + " zones to the final boss, about "
                + options.pace().toMillis() / 1000.0 + " s each, IGT x" + options.speed());
        return game;
    }

    private static void awaitQuietly(CountDownLatch latch, double seconds) {
        try {
            latch.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
