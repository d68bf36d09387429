package com.speedfog.racing.projections.admin;

import com.speedfog.racing.query.readmodel.RebuildProgress;
import com.speedfog.racing.query.readmodel.RebuildProgress.State;

import java.time.Instant;
import java.util.List;

/** How a rebuild is going: what a terminal or a page shows while it runs, and how it ended. */
final class RebuildStatus {



    private final List<String> groups;
    private final Instant startedAt;
    private volatile State state = State.PREPARING;
    private volatile long replayStartNanos;
    private volatile long events;
    private volatile long replayed;
    private volatile Instant finishedAt;
    private volatile double seconds;
    private volatile String error;

    RebuildStatus(List<String> groups, Instant startedAt) {
        this.groups = List.copyOf(groups);
        this.startedAt = startedAt;
    }

    void started(long events) {
        this.events = events;
        this.replayStartNanos = System.nanoTime();
        this.state = State.REPLAYING;
    }

    void progress(long more, long events) {
        this.replayed += more;
        this.events = Math.max(events, replayed);
    }

    void switching() {
        if (state == State.REPLAYING) {
            state = State.SWITCHING;
        }
    }

    void finished(Instant at) {
        seconds = elapsed();
        finishedAt = at;
        state = State.DONE;
    }

    void failed(Instant at, String reason) {
        seconds = elapsed();
        finishedAt = at;
        error = reason;
        state = State.FAILED;
    }

    boolean running() {
        return state != State.DONE && state != State.FAILED;
    }

    State state() {
        return state;
    }

    long done() {
        return replayed;
    }

    double seconds() {
        return running() ? elapsed() : seconds;
    }

    private double elapsed() {
        return replayStartNanos == 0 ? 0 : (System.nanoTime() - replayStartNanos) / 1e9;
    }

    RebuildProgress.Run view() {
        double took = seconds();
        double rate = took > 0 ? replayed / took : 0;
        Double left = !running() ? Double.valueOf(0) : rate > 0 ? (events - replayed) / rate : null;
        return new RebuildProgress.Run(groups, state, startedAt, finishedAt, events, replayed, Math.round(rate * 10) / 10.0,
                left == null ? null : Math.round(left * 10) / 10.0, error);
    }

}
