package com.speedfog.racing.gateway.reliability;

import com.speedfog.racing.gateway.SpeedFogGatewayApplication;
import com.speedfog.racing.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in a JVM of its own (the test's classpath), so a test can stop it with SIGTERM, kill it with
 * SIGKILL or run several nodes at once. Its output goes to a log file that a failure prints the end of.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;

    private GatewayProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node on {@code databaseUrl} and waits until its health endpoint answers. */
    public static GatewayProcess start(String name, int port, String databaseUrl, Path pools, Path logFolder, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--speedfog.pools.root=" + pools,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extraArgs));
        return launch(name, port, args, null, logFolder);
    }

    /**
     * Starts a node on its zero-configuration default database, its own embedded PostgreSQL keeping its
     * files in {@code dataDir} and listening on {@code databasePort} (run from the folder holding
     * {@code dataDir}, whatever this machine's environment configures), and waits until its health
     * endpoint answers.
     */
    public static GatewayProcess startEmbedded(String name, int port, Path dataDir, int databasePort, Path pools, Path logFolder) {
        return launch(name, port, List.of("--server.port=" + port, "--speedfog.embedded-database.data-dir=" + dataDir,
                "--speedfog.embedded-database.port=" + databasePort, "--speedfog.pools.root=" + pools,
                "--spring.main.banner-mode=off"), dataDir.getParent(), logFolder);
    }

    /**
     * Starts a node as the README's command does: nothing configured but {@code PORT}, run from
     * {@code workingDirectory}, so it starts its embedded PostgreSQL and demo pool under that folder.
     */
    public static GatewayProcess startWithDefaults(String name, int port, Path workingDirectory, Path logFolder) {
        return launch(name, port, List.of(), workingDirectory, logFolder);
    }

    private static GatewayProcess launch(String name, int port, List<String> args, Path workingDirectory, Path logFolder) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                SpeedFogGatewayApplication.class.getName()));
        command.addAll(args);
        try {
            Files.createDirectories(logFolder);
            Path log = logFolder.toAbsolutePath().resolve(name + "-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
                // the defaults, whatever this machine's environment configures
                builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_")
                        || key.startsWith("SPEEDFOG_") || key.startsWith("TWITCH_"));
            }
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            builder.environment().put("PORT", Integer.toString(port));
            GatewayProcess node = new GatewayProcess(name, port, log, builder.start());
            node.awaitHealthy(Duration.ofSeconds(120));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start gateway " + name, e);
        }
    }

    /** A port nothing listens on right now, for a node that must keep its port across a restart. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, as Ctrl+C or a service manager stops it: answers how long the process took to exit, or
     * null when it was still running after {@code within}.
     */
    public Duration stop(Duration within) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? Duration.ofNanos(System.nanoTime() - start) : null;
    }

    /** SIGKILL: no shutdown hook, no graceful close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die");
        }
    }

    /** The health endpoint's status code and body, or -1 when nothing answers. */
    public HttpResponse<String> health() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthy(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + logTail(60));
            }
            try {
                if (health().statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + within.toSeconds() + " s:\n" + logTail(60));
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
