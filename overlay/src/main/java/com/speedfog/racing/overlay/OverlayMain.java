package com.speedfog.racing.overlay;

import com.speedfog.racing.overlay.game.GameReader;
import com.speedfog.racing.overlay.probe.Probe;
import com.speedfog.racing.overlay.probe.ProbeOptions;
import com.speedfog.racing.overlay.session.OverlayApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/** Entry point of the player's desktop client. */
@Command(name = "speedfog-overlay", mixinStandardHelpOptions = true, versionProvider = OverlayMain.Version.class,
        description = "SpeedFog Racing overlay: reads ELDEN RING and races it live.")
public final class OverlayMain implements Callable<Integer> {

    @Option(names = "--probe", description = "Print what is read from the game once a second; never connects anywhere.")
    boolean probe;

    @Option(names = "--process", defaultValue = GameReader.DEFAULT_MODULE,
            description = "Executable name of the game process (default: ${DEFAULT-VALUE}).")
    String processName;

    @Option(names = "--config", description = "speedfog_race.toml, or the seed pack folder holding it.")
    Path config;

    @Option(names = "--samples", defaultValue = "0",
            description = "With --probe: stop after this many readings (default: 0, run until Ctrl+C).")
    int samples;

    @Option(names = "--simulate", description = "Play a simulated game instead of reading ELDEN RING.")
    boolean simulate;

    @Option(names = "--headless", description = "Race without a window (log lines instead).")
    boolean headless;

    @Option(names = "--pace", defaultValue = "20", paramLabel = "SECONDS",
            description = "With --simulate: average wall-clock seconds the simulated player spends in a zone (default: ${DEFAULT-VALUE}).")
    double paceSeconds;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "FACTOR",
            description = "With --simulate: in-game time runs this many times faster than the wall clock (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--sim-seed", paramLabel = "N",
            description = "With --simulate: random seed of the simulated run (default: a new one each time).")
    Long simulationSeed;

    @Option(names = "--exit-when-done",
            description = "Stop once the run is finished and every message acknowledged (bots, demos).")
    boolean exitWhenDone;

    private final PrintStream out;
    private final PrintStream err;

    public OverlayMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Parses {@code args} and runs the chosen mode; returns the process exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return new CommandLine(new OverlayMain(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() {
        if (samples < 0) {
            err.println("--samples must be 0 or more");
            return CommandLine.ExitCode.USAGE;
        }
        if (probe) {
            return new Probe(new ProbeOptions(processName, Optional.ofNullable(config), ProbeOptions.DEFAULT_INTERVAL, samples),
                    out).run();
        }
        if (config == null) {
            err.println("--config is required: your seed pack folder, or its speedfog_race.toml");
            return CommandLine.ExitCode.USAGE;
        }
        if (!(paceSeconds > 0) || !(speed > 0)) {
            err.println("--pace and --speed must be positive");
            return CommandLine.ExitCode.USAGE;
        }
        OverlayApp.Options options = new OverlayApp.Options(config, simulate, headless, processName,
                Duration.ofMillis(Math.round(paceSeconds * 1000)), speed,
                simulationSeed != null ? simulationSeed : new Random().nextLong(), exitWhenDone, clientVersion());
        return new OverlayApp(options, out).run();
    }

    static String clientVersion() {
        String version = OverlayMain.class.getPackage().getImplementationVersion();
        return "speedfog-overlay/" + (version == null ? "dev" : version);
    }

    /** The jar's version from its manifest, when built as a jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OverlayMain.class.getPackage().getImplementationVersion();
            return new String[] {"speedfog-overlay " + (version == null ? "(development build)" : version)};
        }
    }
}
