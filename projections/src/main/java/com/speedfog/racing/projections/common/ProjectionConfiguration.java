package com.speedfog.racing.projections.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the read-model processing groups. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    @Bean
    public RaceSequencingPolicy raceSequencingPolicy() {
        return new RaceSequencingPolicy();
    }

    /** A projection failure is parked in the dead-letter queue and said out loud, never dropped. */
    @Bean
    public ConfigurerModule deadLetterLogging() {
        EnqueuePolicy<EventMessage<?>> logAndPark = (letter, cause) -> {
            log.error("Projection failed on {} ({}); parked in the dead-letter queue: {}",
                    letter.message().getPayloadType().getSimpleName(), letter.message().getIdentifier(), cause.toString());
            return Decisions.enqueue(cause);
        };
        return configurer -> ProjectionGroups.ALL.forEach(group ->
                configurer.eventProcessing().registerDeadLetterPolicy(group, config -> logAndPark));
    }
}
