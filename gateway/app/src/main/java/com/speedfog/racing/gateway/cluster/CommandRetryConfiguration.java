package com.speedfog.racing.gateway.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Several gateway nodes may handle commands for the same aggregate at once. The second to append an
 * event with the same sequence number fails on the event store's unique key (optimistic concurrency):
 * that command is sent again, against the aggregate as it now is. Nothing else is retried: a refused
 * command (a rule violation) stays refused.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetryConfiguration {

    static final int MAX_RETRIES = 8;
    /** Each retry waits up to this long times the number of failures so far. */
    static final int MAX_PAUSE_MS = 20;

    @Bean(destroyMethod = "close")
    ConcurrencyRetryScheduler commandRetryScheduler(MeterRegistry meters) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        Counter retries = Counter.builder("speedfog.commands.concurrency.retries")
                .description("commands sent again after losing an optimistic-concurrency race to another node")
                .register(meters);
        return new ConcurrencyRetryScheduler(executor, MAX_RETRIES, MAX_PAUSE_MS, retries::increment);
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(commandRetryScheduler).build();
    }
}
