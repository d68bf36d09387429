package com.speedfog.racing.overlay;

import com.speedfog.racing.overlay.game.GameReader;
import com.speedfog.racing.overlay.probe.Probe;
import com.speedfog.racing.overlay.probe.ProbeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Entry point of the player's desktop client. */
@Command(name = "speedfog-overlay", mixinStandardHelpOptions = true, versionProvider = OverlayMain.Version.class,
        description = "SpeedFog Racing overlay: reads ELDEN RING and races it live.")
public final class OverlayMain implements Callable<Integer> {

    /** Exit code of the modes that are not written yet. */
    static final int EXIT_NOT_AVAILABLE = 2;

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

    @Option(names = "--headless", description = "Race without a window.")
    boolean headless;

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
        if (simulate) {
            // TODO(race connection developer): a simulated game walking a seed's DAG.
            return notAvailable("--simulate");
        }
        if (headless) {
            // TODO(race connection developer): the race connection without a window.
            return notAvailable("--headless");
        }
        // TODO(race connection developer): normal mode, the race connection and the ImGui window.
        return notAvailable("the overlay window (normal mode)");
    }

    private int notAvailable(String mode) {
        err.println(mode + ": not available yet");
        return EXIT_NOT_AVAILABLE;
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
