package com.speedfog.racing.gateway.cluster;

import com.speedfog.racing.command.common.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a lost optimistic-concurrency race is sent again, a bounded number of times. */
class ConcurrencyRetrySchedulerTest {

    private final AtomicInteger counted = new AtomicInteger();
    private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(
            Executors.newSingleThreadScheduledExecutor(), 3, 5, counted::incrementAndGet);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void close() {
        scheduler.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int n) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }

    @Test
    void aConcurrencyConflictEvenWrappedIsSentAgain() throws InterruptedException {
        CountDownLatch dispatched = new CountDownLatch(1);
        RuntimeException wrapped = new IllegalStateException("commit failed",
                new ConcurrencyException("sequence 4 already inserted", new RuntimeException("duplicate key")));

        assertThat(scheduler.scheduleRetry(command, wrapped, failures(1), dispatched::countDown)).isTrue();
        assertThat(dispatched.await(5, TimeUnit.SECONDS)).as("sent again").isTrue();
        assertThat(counted).hasValue(1);
    }

    @Test
    void aRefusedCommandIsNotRetried() {
        RuntimeException refused = RuleViolation.conflict("race_full", "the race is full");

        assertThat(scheduler.scheduleRetry(command, refused, failures(1), () -> { })).isFalse();
        assertThat(counted).hasValue(0);
    }

    @Test
    void itGivesUpAfterTheLastRetry() {
        ConcurrencyException conflict = new ConcurrencyException("again");

        assertThat(scheduler.scheduleRetry(command, conflict, failures(3), () -> { })).isTrue();
        assertThat(scheduler.scheduleRetry(command, conflict, failures(4), () -> { })).isFalse();
    }
}
