package com.speedfog.racing.gateway.projection;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows parked projection failures in /actuator/health. The server stays UP (the event store is
 * fine); the detail says which read models are behind and how many events wait.
 */
@Component("projections")
class DeadLetterHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;

    DeadLetterHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Map<String, Object> parked = new LinkedHashMap<>();
        jdbc.query("select processing_group, count(*) as n from dead_letter_entry group by processing_group order by 1",
                rs -> {
                    parked.put(rs.getString("processing_group"), rs.getLong("n"));
                });
        Health.Builder health = Health.up().withDetail("dead_letters", parked);
        if (!parked.isEmpty()) {
            health.withDetail("attention", "some events could not be projected; see the log and dead_letter_entry");
        }
        return health.build();
    }
}
