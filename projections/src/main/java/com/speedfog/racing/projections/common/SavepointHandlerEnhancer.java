package com.speedfog.racing.projections.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs each live projection handler inside a savepoint, and writes what the projection batched for it
 * ({@link TransactionBatch}) before releasing it. On PostgreSQL a failed statement poisons the whole
 * transaction; without the savepoint the dead-letter queue could not even record the failure, and the
 * processor would retry the same event forever. With it, the failed handler's writes are undone and the
 * event is parked. A replay ({@link ReplayRun}) needs neither: it fails as a whole on the first failure,
 * and its batches are written once per chunk.
 */
@Component
class SavepointHandlerEnhancer implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS_PACKAGE = "com.speedfog.racing.projections.";
    private final DataSource dataSource;

    SavepointHandlerEnhancer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.declaringClass().getName().startsWith(PROJECTIONS_PACKAGE)
                && original.canHandleMessageType(EventMessage.class);
        if (!projection) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive() || ReplayToken.isReplay(message)) {
                    return original.handle(message, target);
                }
                // The JDBC connection of the processor's transaction (JPA exposes it to JdbcTemplate too).
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        Object result = original.handle(message, target);
                        TransactionSynchronizationUtils.triggerFlush();
                        connection.releaseSavepoint(savepoint);
                        return result;
                    } catch (Exception | Error failure) {
                        connection.rollback(savepoint);
                        TransactionBatch.discardAll();
                        throw failure;
                    }
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        };
    }
}
