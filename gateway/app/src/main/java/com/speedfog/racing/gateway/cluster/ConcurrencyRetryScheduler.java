package com.speedfog.racing.gateway.cluster;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again only when it lost an optimistic-concurrency race (another node appended an
 * event to the same aggregate first), after a short random pause so that two losers do not collide
 * again. Axon's interval schedulers test their "do not retry" rule on every cause of the failure, so
 * they cannot express "retry this one kind only".
 */
final class ConcurrencyRetryScheduler implements RetryScheduler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long maxPauseMillis;
    private final Runnable countRetry;

    ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long maxPauseMillis, Runnable countRetry) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.maxPauseMillis = maxPauseMillis;
        this.countRetry = countRetry;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConcurrencyConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long pause = ThreadLocalRandom.current().nextLong(1, maxPauseMillis + 1) * failures.size();
        log.debug("{} lost a concurrency race ({} time(s)); sending it again in {} ms",
                commandMessage.getPayloadType().getSimpleName(), failures.size(), pause);
        try {
            executor.schedule(commandDispatch, pause, TimeUnit.MILLISECONDS);
            countRetry.run();
            return true;
        } catch (RuntimeException rejected) {
            return false; // shutting down
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        return ExceptionUtils.findException(failure, ConcurrencyException.class).isPresent();
    }
}
