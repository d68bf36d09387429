package com.speedfog.racing.projections.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * What a projection keeps in memory for one transaction of events and writes in one go: rows it changed
 * (so later events of the same batch read them from memory, not back from the database) and rows to insert
 * (written with JDBC batches). Live, the gateway flushes after each event, inside that event's savepoint, so a
 * failure still parks only that event; a replay flushes once per chunk of thousands of events, which is where
 * its speed comes from. The batch is written before commit at the latest, and forgotten after.
 */
public final class TransactionBatch {

    /** A projection's state for one transaction. */
    public interface Batch {
        /** Writes what the batch holds and starts afresh; reads of the database see it afterwards. */
        void flush();
    }

    private TransactionBatch() {
    }

    /**
     * The projection's batch in the current transaction, made by {@code create} on first use. Needs a
     * transaction with synchronization (every processor and replay has one).
     */
    public static <B extends Batch> B current(Object owner, Supplier<B> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("projections write inside a transaction; none is active");
        }
        @SuppressWarnings("unchecked")
        B batch = (B) TransactionSynchronizationManager.getResource(owner);
        if (batch == null) {
            batch = create.get();
            TransactionSynchronizationManager.bindResource(owner, batch);
            owners().add(owner);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void flush() {
                    Object current = TransactionSynchronizationManager.getResource(owner);
                    if (current != null) {
                        ((Batch) current).flush();
                    }
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatch.class);
                }
            });
        }
        return batch;
    }

    /**
     * Forgets every batch of the transaction without writing it: after a handler failed and its savepoint was
     * rolled back, what the batches hold in memory may no longer match the tables; the next event reads afresh.
     */
    public static void discardAll() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            owners().forEach(TransactionSynchronizationManager::unbindResourceIfPossible);
            owners().clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Object> owners() {
        Object owners = TransactionSynchronizationManager.getResource(TransactionBatch.class);
        if (owners == null) {
            owners = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(TransactionBatch.class, owners);
        }
        return (java.util.List<Object>) owners;
    }
}
