package com.speedfog.racing.gateway.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs each projection handler inside a savepoint. On PostgreSQL a failed statement poisons the whole
 * transaction; without the savepoint the dead-letter queue could not even record the failure, and the
 * processor would retry the same event forever. With it, the failed handler's writes are undone and the
 * event is parked.
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
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return original.handle(message, target);
                }
                // The JDBC connection of the processor's transaction (JPA exposes it to JdbcTemplate too).
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        Object result = original.handle(message, target);
                        connection.releaseSavepoint(savepoint);
                        return result;
                    } catch (Exception | Error failure) {
                        connection.rollback(savepoint);
                        throw failure;
                    }
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        };
    }
}
