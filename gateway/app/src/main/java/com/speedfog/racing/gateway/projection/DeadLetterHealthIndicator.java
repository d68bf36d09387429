package com.speedfog.racing.gateway.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows parked projection failures in /actuator/health. The server stays UP (the event store is
 * fine); the detail says which read models are behind and how many events wait. With the database
 * away it is DOWN with the reason, like the database's own indicator.
 */
@Component("projections")
class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    DeadLetterHealthIndicator(JdbcTemplate jdbc) {
        super("dead letters could not be counted");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, Object> parked = new LinkedHashMap<>();
        jdbc.query("select processing_group, count(*) as n from dead_letter_entry group by processing_group order by 1",
                rs -> {
                    parked.put(rs.getString("processing_group"), rs.getLong("n"));
                });
        health.up().withDetail("dead_letters", parked);
        if (!parked.isEmpty()) {
            health.withDetail("attention", "some events could not be projected; see the log and dead_letter_entry");
        }
    }
}
