package com.speedfog.racing.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The database's own ceiling: single-row inserts, each its own commit (what one stored event costs at
 * least), from one connection and from several at once (commits then share disk flushes).
 */
final class PostgresCeiling {
    private static final int PAYLOAD_BYTES = 300; // about a serialized event

    private PostgresCeiling() {
    }

    static double commitsPerSecond(BenchServer server, int connections, Duration duration) throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_commit (id bigserial primary key, at timestamptz default now(), payload bytea)");
        }
        LongAdder commits = new LongAdder();
        ExecutorService threads = Executors.newFixedThreadPool(connections, LiveLoad.daemon("bench-commit"));
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(threads.submit(() -> {
                try (Connection c = server.connect();
                     PreparedStatement insert = c.prepareStatement("insert into bench_commit (payload) values (?)")) {
                    c.setAutoCommit(true);
                    byte[] payload = new byte[PAYLOAD_BYTES];
                    while (System.nanoTime() < end) {
                        insert.setBytes(1, payload);
                        insert.executeUpdate();
                        commits.increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("drop table bench_commit");
        }
        return commits.sum() / seconds;
    }
}
