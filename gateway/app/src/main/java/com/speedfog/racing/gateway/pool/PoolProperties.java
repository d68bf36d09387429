package com.speedfog.racing.gateway.pool;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * @param root where the pools live; when not set, {@code ./data/pools}, filled with a demo pool on the
 *             first start so a new user can race at once
 */
@ConfigurationProperties("speedfog.pools")
public record PoolProperties(Path root) {

    static final Path DEFAULT_ROOT = Path.of("data", "pools");

    public boolean configured() {
        return root != null && !root.toString().isBlank();
    }

    public Path effectiveRoot() {
        return (configured() ? root : DEFAULT_ROOT).toAbsolutePath().normalize();
    }
}
