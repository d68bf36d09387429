package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Drives aggregates through the real command gateway, waiting where the saga works asynchronously. */
public record RaceDriver(CommandGateway commands, EventStore events) {

    public static final Actor ORGANIZER = Actor.organizer("organizer-1");

    /** Sends a command, retrying while the saga has not yet created its target or begun the run. */
    public Object sendWhenReady(Object command) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                Object result = commands.sendAndWait(command);
                return result == null ? "ok" : result;
            } catch (AggregateNotFoundException notYet) {
                return null;
            } catch (RuleViolation violation) {
                if ("race_not_running".equals(violation.code())) {
                    return null;
                }
                throw violation;
            }
        }, r -> r != null);
    }

    public List<Object> payloads(UUID aggregateId) {
        return events.readEvents(aggregateId.toString()).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    public <T> T awaitEvent(UUID aggregateId, Class<T> type, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(100)).until(
                () -> payloads(aggregateId).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null),
                e -> e != null);
    }
}
