package com.speedfog.racing.overlay.probe;

import com.speedfog.racing.overlay.config.InvalidConfigException;
import com.speedfog.racing.overlay.config.RaceConfig;
import com.speedfog.racing.overlay.config.RaceConfigLoader;
import com.speedfog.racing.overlay.game.GameGlobal;
import com.speedfog.racing.overlay.game.GameNotReadyException;
import com.speedfog.racing.overlay.game.GameReader;
import com.speedfog.racing.overlay.game.GameSnapshot;
import com.speedfog.racing.overlay.game.GlobalResolution;
import com.speedfog.racing.overlay.memory.AccessDeniedException;
import com.speedfog.racing.overlay.memory.ProcessAccessException;
import com.speedfog.racing.overlay.memory.ProcessExitedException;
import com.speedfog.racing.overlay.memory.ProcessMemories;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;
import com.speedfog.racing.overlay.seed.SeedFlags;
import com.speedfog.racing.seeds.graph.InvalidSeedGraphException;
import com.speedfog.racing.seeds.graph.SeedGraph;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * {@code --probe}: attaches to the game and prints what it reads, once per interval, so a player
 * (or a developer on a new game patch) can see whether reading works. It never connects anywhere.
 */
public final class Probe {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ACCESS_DENIED = 1;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ProbeOptions options;
    private final PrintStream out;
    private final Function<String, ProcessMemory> attacher;

    public Probe(ProbeOptions options, PrintStream out) {
        this(options, out, ProcessMemories::attach);
    }

    /** {@code attacher} opens a process by name (tests pass one that reads through /proc/PID/mem). */
    public Probe(ProbeOptions options, PrintStream out, Function<String, ProcessMemory> attacher) {
        this.options = options;
        this.out = out;
        this.attacher = attacher;
    }

    /** Runs until interrupted or until the requested number of samples; returns the exit code. */
    public int run() {
        SeedFlags seed = loadSeedFlags();
        List<Long> watched = seed.allFlags();
        ProcessMemory memory = null;
        GameReader reader = null;
        long attachedAt = 0;
        try {
            for (int tick = 1; options.samples() == 0 || tick <= options.samples(); tick++) {
                if (reader != null && !reader.missingGlobals().isEmpty()
                        && System.nanoTime() - attachedAt > ProbeOptions.RESCAN_INTERVAL.toNanos()) {
                    out.println("some globals are missing: scanning again");
                    reader = null;
                }
                try {
                    if (memory == null) {
                        memory = attacher.apply(options.processName());
                    }
                    if (reader == null) {
                        reader = GameReader.attach(memory, options.processName());
                        attachedAt = System.nanoTime();
                        printAttached(reader);
                    }
                    printSnapshot(reader.read(watched), seed);
                } catch (ProcessNotFoundException e) {
                    out.println(stamp() + "waiting: " + e.getMessage());
                } catch (GameNotReadyException e) {
                    out.println(stamp() + "waiting: " + e.getMessage());
                    memory = closeQuietly(memory); // find the process again: it may have been a launcher
                } catch (ProcessExitedException e) {
                    out.println(stamp() + e.getMessage() + " Waiting for it to start again.");
                    memory = closeQuietly(memory);
                    reader = null;
                } catch (AccessDeniedException e) {
                    out.println(e.getMessage());
                    return EXIT_ACCESS_DENIED;
                } catch (ProcessAccessException e) {
                    out.println(stamp() + e.getMessage());
                    memory = closeQuietly(memory);
                    reader = null;
                }
                out.flush();
                if (options.samples() == 0 || tick < options.samples()) {
                    Thread.sleep(options.interval().toMillis());
                }
            }
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_OK;
        } finally {
            closeQuietly(memory);
        }
    }

    private SeedFlags loadSeedFlags() {
        SeedFlags none = SeedFlags.NONE;
        if (options.config().isEmpty()) {
            out.println("no --config given: no event flags watched");
            return none;
        }
        Path configFile = RaceConfigLoader.locate(options.config().get());
        try {
            RaceConfig config = RaceConfigLoader.load(configFile);
            out.println("config: " + config.file() + " is valid (server " + config.server().url()
                    + ", race " + config.server().raceId() + ")");
        } catch (InvalidConfigException e) {
            out.println("config: " + e.getMessage());
        }
        Path folder = configFile.toAbsolutePath().getParent();
        Path graph = folder.resolve(SeedGraph.FILE_NAME);
        if (!Files.isRegularFile(graph)) {
            out.println("no " + SeedGraph.FILE_NAME + " next to the config (" + folder + "): no event flags watched");
            return none;
        }
        try {
            SeedFlags flags = SeedFlags.of(SeedGraph.parse(graph));
            out.println("watching " + flags.allFlags().size() + " event flags from " + graph
                    + (flags.allFlags().isEmpty() ? " (no event_map: a v3 seed?)" : ""));
            return flags;
        } catch (InvalidSeedGraphException e) {
            out.println("cannot read " + e.getMessage() + " (no event flags watched)");
            return none;
        }
    }

    private void printAttached(GameReader reader) {
        out.println(stamp() + "process " + options.processName() + " found: pid " + reader.pid());
        out.println("  module " + reader.module().path() + ": base 0x" + Long.toHexString(reader.module().base())
                + ", size 0x" + Long.toHexString(reader.module().size()));
        out.println("  game version " + reader.version().label() + "; " + reader.layout().basis());
        for (GameGlobal global : GameGlobal.values()) {
            GlobalResolution resolution = reader.global(global);
            String where = resolution.slotAddress().isPresent()
                    ? "0x" + Long.toHexString(resolution.slotAddress().getAsLong()) + " (" + resolution.detail() + ")"
                    : resolution.detail();
            out.println(String.format("  %-24s %s", global.gameName(), where));
        }
    }

    private void printSnapshot(GameSnapshot snapshot, SeedFlags seed) {
        out.println(stamp() + "IGT " + ProbeFormat.igt(snapshot.igtMs())
                + " | deaths " + ProbeFormat.number(snapshot.deaths())
                + " | map " + snapshot.mapId().map(Object::toString).orElse(ProbeFormat.ABSENT)
                + " | position " + snapshot.position().map(Object::toString).orElse(ProbeFormat.ABSENT)
                + " | screen " + snapshot.screenState().map(Object::toString).orElse(ProbeFormat.ABSENT));
        List<Long> watched = seed.allFlags();
        if (!watched.isEmpty()) {
            out.println("  " + ProbeFormat.flags(snapshot, watched, seed::describe));
        }
    }

    private static String stamp() {
        return "[" + LocalTime.now().format(CLOCK) + "] ";
    }

    private static ProcessMemory closeQuietly(ProcessMemory memory) {
        if (memory != null) {
            memory.close();
        }
        return null;
    }
}
