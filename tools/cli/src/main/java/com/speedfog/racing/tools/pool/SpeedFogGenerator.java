package com.speedfog.racing.tools.pool;

import com.speedfog.racing.seeds.graph.InvalidSeedGraphException;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.tools.common.Folders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the real SpeedFog generator once, as the design calls it: {@code uv run speedfog <config.toml> -o <dir>}
 * in the SpeedFog checkout ({@code SPEEDFOG_PATH}), and answers the finished seed folder. The output goes
 * to a hidden folder of the pool (the scanner skips names starting with '.'), so a failed or interrupted
 * run never leaves a half seed the server could offer.
 */
final class SpeedFogGenerator {

    /** The generator did not produce a usable seed; the message says why, for people. */
    static final class GeneratorFailure extends Exception {
        GeneratorFailure(String message) {
            super(message);
        }
    }

    /** A seed the generator finished, still under its hidden name. */
    record GeneratedSeed(Path folder, long seedNumber) {
    }

    private static final int TAIL_LINES = 15;

    private final List<String> command;
    private final Path speedfogPath;
    private final Duration timeout;

    SpeedFogGenerator(List<String> command, Path speedfogPath, Duration timeout) {
        this.command = List.copyOf(command);
        this.speedfogPath = speedfogPath;
        this.timeout = timeout;
    }

    /**
     * Runs the generator with {@code config} into a fresh hidden folder of {@code poolFolder}; each output
     * line goes to {@code progress}. On failure the hidden folder is deleted.
     */
    GeneratedSeed generate(Path config, Path poolFolder, Consumer<String> progress) throws GeneratorFailure, IOException {
        Path work = Files.createTempDirectory(poolFolder, ".generating-");
        boolean kept = false;
        try {
            Path output = work.resolve("output");
            List<String> argv = new ArrayList<>(command);
            argv.addAll(List.of(config.toAbsolutePath().toString(), "-o", output.toAbsolutePath().toString()));
            Process process;
            try {
                process = new ProcessBuilder(argv).directory(speedfogPath.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new GeneratorFailure("cannot start '" + String.join(" ", command) + "' in " + speedfogPath + ": "
                        + e.getMessage() + " (is it installed? --generator names another command)");
            }
            Deque<String> tail = new ArrayDeque<>();
            Thread reader = new Thread(() -> readLines(process, tail, progress), "speedfog-output");
            reader.setDaemon(true);
            reader.start();
            int exit;
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new GeneratorFailure("the generator did not finish within " + timeout + " and was stopped"
                            + lastLines(tail));
                }
                exit = process.exitValue();
                reader.join(2000);
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new GeneratorFailure("interrupted; the generator was stopped");
            }
            if (exit != 0) {
                throw new GeneratorFailure("the generator failed (exit " + exit + ")" + lastLines(tail));
            }
            Path root = contentRoot(output);
            long seedNumber;
            try {
                seedNumber = SeedGraph.parse(root.resolve(SeedGraph.FILE_NAME)).seedNumber();
            } catch (InvalidSeedGraphException e) {
                throw new GeneratorFailure("the generator's graph.json is not usable: " + e.getMessage());
            }
            kept = true;
            return new GeneratedSeed(output, seedNumber);
        } finally {
            if (!kept) {
                Folders.deleteQuietly(work);
            }
        }
    }

    /** Where graph.json is: the output folder itself or its only sub-folder holding one (what the scanner accepts). */
    private static Path contentRoot(Path output) throws GeneratorFailure, IOException {
        if (!Files.isDirectory(output)) {
            throw new GeneratorFailure("the generator exited 0 but wrote no output folder (" + output.getFileName() + ")");
        }
        if (Files.isRegularFile(output.resolve(SeedGraph.FILE_NAME))) {
            return output;
        }
        List<Path> roots;
        try (Stream<Path> children = Files.list(output)) {
            roots = children.filter(p -> Files.isRegularFile(p.resolve(SeedGraph.FILE_NAME))).toList();
        }
        if (roots.size() != 1) {
            throw new GeneratorFailure("the generator exited 0 but its output has " + (roots.isEmpty() ? "no" : roots.size())
                    + " graph.json at its root or in one top-level folder");
        }
        return roots.get(0);
    }

    private static void readLines(Process process, Deque<String> tail, Consumer<String> progress) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (!line.isBlank()) {
                    progress.accept(line.strip());
                }
            }
        } catch (IOException ignored) {
            // the process went away: its exit code tells what happened
        }
    }

    private static String lastLines(Deque<String> tail) {
        synchronized (tail) {
            return tail.isEmpty() ? "; it printed nothing" : "; its last lines:\n    " + String.join("\n    ", tail);
        }
    }
}
