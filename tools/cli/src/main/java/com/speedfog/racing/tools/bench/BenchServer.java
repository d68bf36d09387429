package com.speedfog.racing.tools.bench;

import com.speedfog.racing.database.DurableEmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The system under test: a PostgreSQL of the bench's own (the same embedded PostgreSQL, with the same
 * durable settings, the gateway would start itself) and the packaged gateway as a child process pointed at it. Owning the database lets the
 * bench count stored events, fill the store for the rebuild and measure the database's own ceiling.
 */
final class BenchServer implements AutoCloseable {
    static final String DATABASE = "speedfog";

    private final Path gatewayJar;
    private final Path work;
    private final List<String> jvmOptions;
    private volatile EmbeddedPostgres postgres;
    private volatile Process gateway;
    private int httpPort;
    private int starts;

    BenchServer(Path gatewayJar, Path work, List<String> jvmOptions) {
        this.gatewayJar = gatewayJar;
        this.work = work;
        this.jvmOptions = jvmOptions;
        // Ctrl-C: no gateway or database may outlive the bench
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process running = gateway;
            if (running != null) {
                running.destroyForcibly();
            }
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // the JVM is going away
            }
        }, "bench-server-shutdown"));
    }

    void startDatabase() throws IOException, SQLException {
        // Durable, as the gateway runs its own: every commit measured is flushed to disk.
        postgres = DurableEmbeddedPostgres.builder(work.resolve("postgres")).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE) + "&reWriteBatchedInserts=true";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Starts the gateway on a free port and waits until its health answers UP. */
    void startGateway(Path poolsRoot, Duration within) throws IOException, InterruptedException {
        httpPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", gatewayJar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("gateway-" + (++starts) + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(httpPort));
        env.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", DATABASE));
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPEEDFOG_POOLS_ROOT", poolsRoot.toAbsolutePath().toString());
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.remove("TWITCH_CLIENT_ID");
        gateway = builder.start();
        awaitHealthy(within);
    }

    private void awaitHealthy(Duration within) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IOException("the gateway exited with " + gateway.exitValue() + " while starting; see " + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IOException("the gateway was not healthy within " + within.toSeconds() + " s; see " + log());
    }

    /** Stops the gateway gracefully (SIGTERM), forcibly after 60 s. */
    void stopGateway() throws InterruptedException {
        if (gateway == null) {
            return;
        }
        gateway.destroy();
        if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
            gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        gateway = null;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    Path log() {
        return work.resolve("gateway-" + starts + ".log");
    }

    long gatewayPid() {
        return gateway.pid();
    }

    /** The PostgreSQL server and its backends (children of the postmaster). */
    List<Long> databasePids() {
        List<Long> pids = new ArrayList<>();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(work.resolve("postgres/postmaster.pid")).get(0).strip());
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        } catch (IOException | RuntimeException unknown) {
            // no figure for the database then
        }
        return pids;
    }

    @Override
    public void close() throws Exception {
        stopGateway();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
