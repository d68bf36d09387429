package com.speedfog.racing.gateway.live;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while this node cannot hear race updates: its spectators would see a frozen race. */
@Component("raceUpdates")
class RaceUpdatesHealthIndicator implements HealthIndicator {
    private final RaceUpdateRelay relay;

    RaceUpdatesHealthIndicator(RaceUpdateRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        return relay.isListening() ? Health.up().build()
                : Health.down().withDetail("reason", "not listening for race updates (database unreachable?)").build();
    }
}
