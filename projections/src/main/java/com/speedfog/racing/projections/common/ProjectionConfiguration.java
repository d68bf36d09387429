package com.speedfog.racing.projections.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.speedfog.racing.projections.admin.GenerationLock;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * A read model's processor that has no token yet (a read model added to a running platform) starts at the
     * head of the store, not at its tail: the live processor follows new events only, while
     * {@link ProjectionRebuilder} builds the tables from every stored event at replay speed and swaps them in.
     */
    @Bean
    public ConfigurerModule readModelsStartAtTheHead() {
        return configurer -> ProjectionGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(group,
                        (config, builder) -> builder.initialToken(source -> source.createHeadToken())));
    }

    /** Each live batch of a read model holds its generation lock, so a rebuild can swap the tables between batches. */
    @Bean
    public ConfigurerModule generationLocks(JdbcTemplate jdbc) {
        return configurer -> ProjectionGroups.ALL.forEach(group ->
                configurer.eventProcessing().registerHandlerInterceptor(group, config -> new GenerationLock(jdbc, group)));
    }
}
