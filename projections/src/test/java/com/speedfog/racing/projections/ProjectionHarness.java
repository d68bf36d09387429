package com.speedfog.racing.projections;

import com.speedfog.racing.testing.TestDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays events into projections as the event processor would (annotated handlers, store positions,
 * timestamps), over a fresh migrated database.
 */
public final class ProjectionHarness {

    public static final Instant T0 = Instant.parse("2030-05-01T18:00:00Z");

    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private long position;

    public static JdbcTemplate freshDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabase.newDatabase("projections"));
        dataSource.setUser(TestDatabase.USER);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    public ProjectionHarness(Object... projections) {
        for (Object projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    /**
     * Each event is stored one second after the previous one, from {@link #T0}. The events of one call are
     * one batch, as a replay's chunk is: the projections' {@link com.speedfog.racing.projections.common.TransactionBatch}
     * is written at its end (the statements themselves autocommit).
     */
    public ProjectionHarness given(Object... events) {
        asOneBatch(() -> play(events));
        return this;
    }

    /** Work that handles events, run as one batch: what the projections keep in memory is written at its end. */
    public static void asOneBatch(Batch work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            TransactionSynchronizationUtils.triggerBeforeCommit(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);
        }
    }

    @FunctionalInterface
    public interface Batch {
        void run() throws Exception;
    }

    private void play(Object... events) {
        for (Object event : events) {
            position++;
            GenericEventMessage<Object> message = new GenericEventMessage<>(
                    GenericEventMessage.asEventMessage(event), () -> T0.plusSeconds(position));
            GenericTrackedEventMessage<Object> tracked =
                    new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), message);
            for (AnnotationEventHandlerAdapter handler : handlers) {
                try {
                    if (handler.canHandle(tracked)) {
                        handler.handle(tracked);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("handling " + event + " failed", e);
                }
            }
        }
    }
}
