package com.speedfog.racing.gateway.database;

import com.speedfog.racing.database.DurableEmbeddedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The zero-setup default: with no {@code spring.datasource.url}, start a real PostgreSQL whose files live
 * under the working directory, durable ({@link DurableEmbeddedPostgres}), so races survive a restart,
 * a crash or a power loss. Setting the URL switches this off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "speedfog";
    /** The longest a request waits for a database connection (also spring.datasource.hikari.connection-timeout). */
    static final long DATABASE_WAIT_MS = 3_000;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        EmbeddedPostgres postgres = DurableEmbeddedPostgres.builder(dataDir)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(30))
                // Closed by Spring, after everything that uses it (a JVM hook of its own would stop it first).
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with its data in {} (durable: {})", postgres.getPort(), dataDir,
                DurableEmbeddedPostgres.SETTINGS);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        createDatabaseIfMissing(postgres);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("speedfog-embedded");
        dataSource.setMaximumPoolSize(20);
        // Fail within seconds when the database is away, rather than holding requests for Hikari's 30 s.
        dataSource.setConnectionTimeout(DATABASE_WAIT_MS);
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        }
    }

    /**
     * A gateway killed with -9 leaves its PostgreSQL running on the data folder; the next start could not
     * use the folder. That server is ours (its pid is in the folder's postmaster.pid): stop it first.
     */
    static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
            if (orphan.isPresent()) {
                log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier gateway", pid, dataDir);
                orphan.get().destroy();
                orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("Could not check {} for a server left running: {}", pidFile, e.toString());
        }
    }
}
