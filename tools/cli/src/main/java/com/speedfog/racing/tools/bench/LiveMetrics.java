package com.speedfog.racing.tools.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the live load measures; counters run all the time, latencies only inside the window. */
final class LiveMetrics {
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder spectatorFrames = new LongAdder();
    final LongAdder spectatorBytes = new LongAdder();
    final LongAdder playerUpdates = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Latencies commandLatency = new Latencies();
    final Latencies spectatorLatency = new Latencies();
    /** When the message that set a value was sent: "participant:d:deaths" or "participant:z:node" → nanoTime. */
    final Map<String, Long> changeSentAt = new ConcurrentHashMap<>();
    final AtomicLong unmatchedUpdates = new AtomicLong();
    volatile boolean measuring;

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    static String deathsKey(String participantId, int deaths) {
        return participantId + ":d:" + deaths;
    }

    static String zoneKey(String participantId, String node) {
        return participantId + ":z:" + node;
    }
}
