package com.speedfog.racing.projections.admin;

import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One rebuild: replays the store into a new generation of each group's tables while the live ones keep
 * serving, then, group by group, catches up with the live processor under its lock and swaps the tables.
 * <p>
 * The replay applies an event to the new tables only once the group's live processor has applied it to the
 * old ones (its tokens say so); the rest waits in {@code pending}. At the switch the live processors of the
 * group are held (every node: a PostgreSQL advisory lock that each live batch takes shared, see
 * {@link GenerationLock}), the replay applies exactly what the tokens cover and the tables are swapped in
 * the same transaction. If anything fails, the new tables are thrown away and the old ones go on serving.
 */
final class ReplayRun implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ReplayRun.class);

    /** Events read per chunk; each group writes a chunk in one transaction. */
    static final int CHUNK = 5_000;
    /** Switch once the replay is this close to what the live processors have applied. */
    private static final int SWITCH_WITHIN = 2_000;
    private static final int SWITCH_ATTEMPTS = 5;

    /** A group being rebuilt. */
    static final class Target {
        final String group;
        final List<String> tables;
        final SimpleEventHandlerInvoker invoker;
        /** Events read but not applied yet: the live processor had not applied them (or they were not in the store yet). */
        final TreeSet<Long> pending = new TreeSet<>();
        boolean switched;

        Target(String group, List<String> tables, SimpleEventHandlerInvoker invoker) {
            this.group = group;
            this.tables = tables;
            this.invoker = invoker;
        }
    }

    private final List<Target> targets;
    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final Serializer tokenSerializer;
    private final RebuildStatus status;
    private final TransactionTemplate transactions;
    /** Reads the next chunk and applies the current one to each group, side by side. */
    private final ExecutorService workers;
    /** This run made new tables (which a failure must drop; another node's run owns its own). */
    private volatile boolean prepared;

    ReplayRun(List<Target> targets, DataSource dataSource, Serializer eventSerializer, Serializer tokenSerializer,
              RebuildStatus status) {
        this.targets = targets;
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
        this.tokenSerializer = tokenSerializer;
        this.status = status;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.workers = Executors.newFixedThreadPool(targets.size() + 1, r -> {
            Thread thread = new Thread(r, "projection-rebuild-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void run() {
        try (Connection reader = dataSource.getConnection(); Connection prefetch = dataSource.getConnection()) {
            try {
                replay(reader, prefetch);
            } finally {
                workers.shutdownNow();
                try (Statement unlock = reader.createStatement()) {
                    unlock.execute("select pg_advisory_unlock_all()"); // the pool keeps the session, and would keep its locks
                }
            }
            status.finished(Instant.now());
            log.info("Rebuilt {}: {} events in {} s", groups(), status.done(), String.format("%.1f", status.seconds()));
        } catch (Exception | Error failure) {
            Throwable cause = failure instanceof ReplayFailure ? failure.getCause() : failure;
            log.error("Rebuild of {} failed; the live tables go on serving", groups(), cause);
            discard();
            status.failed(Instant.now(), cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
    }

    /** The switch could not have its locks in time: the transaction is rolled back and the switch tried again later. */
    private static final class SwitchLater extends RuntimeException {
        SwitchLater(String reason) {
            super(reason, null, false, false);
        }

        static SwitchLater orRethrow(SQLException e, String reason) throws SQLException {
            if ("55P03".equals(e.getSQLState())) { // lock_not_available, after the lock timeout
                return new SwitchLater(reason);
            }
            throw e;
        }
    }

    /** The result of work done on another thread, its failure thrown as if it had happened here. */
    private static <T> T await(Future<T> work) throws Exception {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** A checked failure inside a transaction callback, carried out of it. */
    private static final class ReplayFailure extends RuntimeException {
        ReplayFailure(Exception cause) {
            super(cause);
        }
    }

    /** Runs {@code work} in a transaction of the replay's own (with synchronization, so projections' batches flush at commit). */
    private <T> T inTransaction(TransactionCallbackWithException<T> work) {
        return transactions.execute(status -> {
            try {
                return work.run(DataSourceUtils.getConnection(dataSource));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ReplayFailure(e);
            }
        });
    }

    @FunctionalInterface
    private interface TransactionCallbackWithException<T> {
        T run(Connection connection) throws Exception;
    }

    private void replay(Connection reader, Connection prefetch) throws Exception {
        for (Target target : targets) {
            // One rebuild of a group at a time, across nodes: held by this connection until the run ends.
            try (PreparedStatement lock = reader.prepareStatement("select pg_try_advisory_lock(hashtext(?), hashtext(?))")) {
                lock.setString(1, "speedfog-read-model-rebuild");
                lock.setString(2, target.group);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new IllegalStateException("a rebuild of " + target.group + " is already running (on another node)");
                    }
                }
            }
        }
        awaitLiveTokens(reader);
        inTransaction(db -> {
            for (Target target : targets) {
                TableGenerations.prepare(db, target.group, target.tables);
            }
            return null;
        });
        prepared = true;
        long total = StoredEvents.count(reader);
        long startHead = StoredEvents.head(reader);
        status.started(total);
        StoredEvents store = new StoredEvents(eventSerializer, Long.MAX_VALUE);
        long read = 0; // every position up to here has been read (applied, or pending)
        Future<List<StoredEvents.Stored>> next = null;
        long nextFrom = -1;
        long nextBound = -1;
        int attempts = 0;
        while (targets.stream().anyMatch(t -> !t.switched)) {
            List<LiveTokens> tokens = new ArrayList<>();
            long bound = 0;
            for (Target target : targets) {
                LiveTokens live = LiveTokens.read(reader, target.group, tokenSerializer, target.invoker);
                tokens.add(live);
                bound = Math.max(bound, live.furthest());
            }
            List<StoredEvents.Stored> chunk;
            long chunkBound;
            if (next != null && nextFrom == read) {
                chunk = await(next);
                chunkBound = nextBound;
            } else {
                chunk = store.range(reader, read, bound, CHUNK);
                chunkBound = bound;
            }
            next = null;
            boolean more = chunk.size() == CHUNK;
            long upTo = more ? chunk.get(chunk.size() - 1).index() : Math.max(read, chunkBound);
            if (more) {
                // The next chunk is read and deserialized while this one is applied.
                long from = upTo;
                long to = Math.max(bound, chunkBound);
                next = workers.submit(() -> store.range(prefetch, from, to, CHUNK));
                nextFrom = from;
                nextBound = to;
            }
            // Each group applies the chunk in its own transaction, the groups side by side.
            List<Future<?>> applying = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                Target target = targets.get(t);
                if (!target.switched) {
                    LiveTokens live = tokens.get(t);
                    long before = read;
                    applying.add(workers.submit(() -> inTransaction(db -> {
                        apply(db, target, chunk, live, before, upTo);
                        return null;
                    })));
                }
            }
            for (Future<?> work : applying) {
                await(work);
            }
            read = upTo;
            status.progress(chunk.size(), total + Math.max(0, StoredEvents.head(reader) - startHead));
            if (more || chunkBound < bound) {
                continue;
            }
            // Caught up with the live processors: what is left is applied under their lock, then the tables swap.
            status.switching();
            for (Target target : targets) {
                long position = read;
                if (target.switched) {
                    continue;
                }
                try {
                    inTransaction(db -> trySwitch(db, store, target, position));
                    target.switched = true;
                    log.info("Read model {} switched to its rebuilt tables", target.group);
                } catch (SwitchLater later) {
                    log.warn("Switching {} to its rebuilt tables waited too long ({}); trying again", target.group,
                            later.getMessage());
                }
            }
            if (targets.stream().anyMatch(t -> !t.switched) && ++attempts >= SWITCH_ATTEMPTS) {
                throw new IllegalStateException("could not take over from the live tables after " + attempts
                        + " attempts: readers or live batches held them");
            }
        }
    }

    /** A processor that has just started (a new read model) may not have its tokens yet: the replay follows them. */
    private void awaitLiveTokens(Connection reader) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        for (Target target : targets) {
            while (LiveTokens.read(reader, target.group, tokenSerializer, target.invoker).segments() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the live processor of " + target.group + " has no tokens after 60 s: is it running?");
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Applies the chunk's events that the live processor has applied; the others, and positions up to
     * {@code upTo} with no event yet, wait in {@code pending}.
     */
    private void apply(Connection writer, Target target, List<StoredEvents.Stored> chunk, LiveTokens live, long readBefore,
                       long upTo) throws Exception {
        searchPath(writer, target);
        long expected = readBefore + 1;
        for (StoredEvents.Stored event : chunk) {
            for (long hole = expected; hole < event.index(); hole++) {
                target.pending.add(hole);
            }
            expected = event.index() + 1;
            if (live.ignores(event.message())) {
                continue;
            }
            if (live.applied(event.message(), event.index())) {
                handle(target, event);
            } else {
                target.pending.add(event.index());
            }
        }
        for (long hole = expected; hole <= upTo; hole++) {
            target.pending.add(hole);
        }
    }

    /**
     * Under the group's generation lock (no live batch of the group runs on any node): applies what the live
     * processor applied since, and swaps the tables. False when the lock or the tables could not be had in time.
     */
    private boolean trySwitch(Connection writer, StoredEvents store, Target target, long read) throws Exception {
        try (Statement sql = writer.createStatement()) {
            sql.execute("set local lock_timeout = '3s'");
            GenerationLock.lockExclusive(writer, target.group);
        } catch (SQLException e) {
            throw SwitchLater.orRethrow(e, "a live batch held on");
        }
        LiveTokens live = LiveTokens.read(writer, target.group, tokenSerializer, target.invoker);
        searchPath(writer, target);
        List<StoredEvents.Stored> catchUp = new ArrayList<>(store.at(writer, target.pending));
        long upTo = Math.max(read, live.furthest());
        long from = read;
        while (from < upTo) {
            List<StoredEvents.Stored> more = store.range(writer, from, upTo, CHUNK);
            if (more.isEmpty()) {
                break;
            }
            catchUp.addAll(more);
            from = more.get(more.size() - 1).index();
        }
        catchUp.sort(java.util.Comparator.comparingLong(StoredEvents.Stored::index));
        for (StoredEvents.Stored event : catchUp) {
            if (!live.ignores(event.message()) && live.applied(event.message(), event.index())) {
                handle(target, event);
            }
        }
        TransactionSynchronizationUtils.triggerFlush(); // the projections' batches, into the new tables
        try (Statement sql = writer.createStatement()) {
            sql.execute("set local search_path to public");
            TableGenerations.swap(writer, target.group, target.tables);
        } catch (SQLException e) {
            throw SwitchLater.orRethrow(e, "readers held the live tables");
        }
        try (var clear = writer.prepareStatement("delete from dead_letter_entry where processing_group = ?")) {
            clear.setString(1, target.group); // the new tables hold those events: the old failures are moot
            clear.executeUpdate();
        }
        return true;
    }

    private void handle(Target target, StoredEvents.Stored event) throws Exception {
        for (EventMessageHandler handler : target.invoker.eventHandlers()) {
            try {
                handler.handle(event.message());
            } catch (Exception e) {
                throw new IllegalStateException(target.group + " failed on event " + event.index() + " ("
                        + event.message().getPayloadType().getSimpleName() + "): " + e.getMessage(), e);
            }
        }
    }

    private static void searchPath(Connection writer, Target target) throws SQLException {
        try (Statement sql = writer.createStatement()) {
            sql.execute("set local search_path to " + TableGenerations.shadowSchema(target.group) + ", public");
        }
    }

    private void discard() {
        if (!prepared) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            for (Target target : targets) {
                if (!target.switched) {
                    TableGenerations.discard(db, target.group);
                }
            }
        } catch (SQLException e) {
            log.warn("Could not drop the unfinished tables of {}: {}", groups(), e.toString());
        }
    }

    private String groups() {
        return targets.stream().map(t -> t.group).toList().toString();
    }
}
