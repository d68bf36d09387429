package com.speedfog.racing.projections.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The lock that hands a read model over from its old tables to its rebuilt ones. Each live batch of a group
 * takes it shared (a PostgreSQL transaction-level advisory lock, so it holds across nodes) before its first
 * handler runs; a rebuild takes it exclusively to apply the last events and swap the tables. So no live
 * batch is halfway through the old tables when they are swapped, and none starts until the new ones are in
 * place.
 */
public final class GenerationLock implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String KEY_SPACE = "speedfog-read-model-generation";

    private final JdbcTemplate jdbc;
    private final String group;
    private final String resource;

    public GenerationLock(JdbcTemplate jdbc, String group) {
        this.jdbc = jdbc;
        this.group = group;
        this.resource = "generation-lock:" + group;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        unitOfWork.root().getOrComputeResource(resource, key -> {
            jdbc.query("select pg_advisory_xact_lock_shared(hashtext(?), hashtext(?))", rs -> {
            }, KEY_SPACE, group);
            return Boolean.TRUE;
        });
        return interceptorChain.proceed();
    }

    /** Waits (up to the transaction's lock timeout) until no live batch of the group runs, and keeps them out until commit. */
    static void lockExclusive(Connection db, String group) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
            lock.setString(1, KEY_SPACE);
            lock.setString(2, group);
            lock.execute();
        }
    }
}
