package com.speedfog.racing.overlay.testing;

import com.sun.jna.Platform;
import com.speedfog.racing.testing.TestEnvironment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real foreign process that looks like the game to the reader: a small C program (compiled with
 * gcc here) that maps a {@link FakeEldenRing} image from a file named eldenring.exe at the image
 * base, calls itself eldenring.exe, and applies changes sent on its standard input.
 */
public final class FakeGameProcess implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 20;

    private final Process process;
    private final BufferedReader output;
    private final Writer input;
    private final long pid;
    private final Path imageFile;

    private FakeGameProcess(Process process, long pid, BufferedReader output, Writer input, Path imageFile) {
        this.process = process;
        this.pid = pid;
        this.output = output;
        this.input = input;
        this.imageFile = imageFile;
    }

    /**
     * Compiles the C program into {@code folder}; skips the calling test when this is not Linux or
     * gcc is missing (fails it where CI=true).
     */
    public static Path compile(Path folder) throws IOException, InterruptedException {
        TestEnvironment.require(Platform.isLinux(), "the fake game process needs Linux (/proc, process_vm_readv)");
        TestEnvironment.require(hasGcc(), "the tests against a real foreign process need gcc (apt-get install gcc; .ci/run installs it)");
        Path source = folder.resolve("fake_game.c");
        try (InputStream in = FakeGameProcess.class.getResourceAsStream("/fake-game/fake_game.c")) {
            Files.copy(in, source);
        }
        Path binary = folder.resolve("fake_game");
        Process gcc = new ProcessBuilder("gcc", "-O1", "-Wall", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException("gcc failed:\n" + log);
        }
        return binary;
    }

    private static boolean hasGcc() {
        try {
            Process probe = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Writes the image to {@code <folder>/ELDEN RING/Game/eldenring.exe} (a path with a space, as in
     * Steam libraries) and starts the program on it, named {@code processName}.
     */
    public static FakeGameProcess start(Path binary, Path folder, FakeEldenRing game, String processName) throws IOException {
        Path gameFolder = Files.createDirectories(folder.resolve("ELDEN RING").resolve("Game"));
        Path imageFile = gameFolder.resolve(FakeEldenRing.MODULE);
        Files.write(imageFile, game.image());
        Process process = new ProcessBuilder(binary.toString(), imageFile.toString(),
                Long.toHexString(FakeEldenRing.BASE), processName).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        String ready = readLine(output);
        if (ready == null || !ready.startsWith("ready ")) {
            process.destroyForcibly();
            throw new IllegalStateException("fake game did not start: " + ready);
        }
        return new FakeGameProcess(process, Long.parseLong(ready.substring(6).strip()), output, input, imageFile);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return "error " + e.getMessage();
                }
            }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from the fake game", e);
        }
    }

    public long pid() {
        return pid;
    }

    public Path imageFile() {
        return imageFile;
    }

    /** Applies the changes inside the running process and returns once it has confirmed them. */
    public void apply(ImageWrite... writes) throws IOException {
        for (ImageWrite write : writes) {
            input.write("w " + Long.toHexString(write.rva()) + " " + HexFormat.of().formatHex(write.bytes()) + "\n");
            input.flush();
            String answer = readLine(output);
            if (!"ok".equals(answer)) {
                throw new IllegalStateException("fake game refused a write: " + answer);
            }
        }
    }

    /** Kills the process and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                input.write("q\n");
                input.flush();
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
