package com.speedfog.racing.gateway.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is given.
 *
 * @param dataDir where the database keeps its files between runs
 * @param port    the port it listens on (loopback); 0 picks a free one
 */
@ConfigurationProperties("speedfog.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port) {
}
