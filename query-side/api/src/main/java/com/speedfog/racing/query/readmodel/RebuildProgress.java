package com.speedfog.racing.query.readmodel;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How far every live read model has read the event store, against its head; the last rebuild started on
 * this node ({@code rebuild}, null if none); and each read model's tables.
 */
public record RebuildProgress(List<Group> groups, long head, Run rebuild, Map<String, List<String>> tables) {

    /** Progress of one live processing group. ({@code replaying} is the processor's own replay flag.) */
    public record Group(String group, long position, long head, boolean replaying, boolean running, int segments) {
        public boolean caughtUp() {
            return segments > 0 && position >= head;
        }
    }

    public enum State { PREPARING, REPLAYING, SWITCHING, DONE, FAILED }

    /**
     * A rebuild: the read models it builds, its state, events in the store to replay (it grows while races go
     * on), events replayed so far, the rate since the replay began (events/s), seconds left at that rate (null
     * before there is a rate), and why it failed.
     */
    public record Run(List<String> groups, State state, Instant startedAt, Instant finishedAt, long events, long replayed,
                      double rate, Double secondsLeft, String error) {
    }

    /** Every live read model has read the whole store. */
    @JsonProperty("done")
    public boolean done() {
        return groups.stream().allMatch(Group::caughtUp);
    }

    /** The last rebuild finished: its tables serve. */
    @JsonProperty("rebuilt")
    public boolean rebuilt() {
        return rebuild != null && rebuild.state() == State.DONE;
    }

    /** The last rebuild failed (the live tables went on serving); {@code rebuild.error} says why. */
    @JsonProperty("failed")
    public boolean failed() {
        return rebuild != null && rebuild.state() == State.FAILED;
    }
}
