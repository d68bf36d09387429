package com.speedfog.racing.tools.bench;

import java.util.Arrays;

/** Latency samples in microseconds; thread-safe, grows as needed. */
final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** The q-quantile (0..1) in milliseconds, or NaN without samples. */
    synchronized double percentileMs(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return sorted[index] / 1000.0;
    }

    /** "p50 / p95 / p99 / max ms (n)" for the report. */
    String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return String.format("%.1f / %.1f / %.1f / %.1f ms (n=%d)", percentileMs(0.50), percentileMs(0.95),
                percentileMs(0.99), percentileMs(1.0), count());
    }
}
