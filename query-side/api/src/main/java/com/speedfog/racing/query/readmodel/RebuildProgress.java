package com.speedfog.racing.query.readmodel;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** How far every read model has read the event store, against its head. */
public record RebuildProgress(List<Group> groups, long head) {

    /**
     * Progress of one processing group. ({@code replaying} stays true until an event newer than the reset
     * arrives, so it says nothing about being done.)
     */
    public record Group(String group, long position, long head, boolean replaying, boolean running, int segments) {
        public boolean caughtUp() {
            return segments > 0 && position >= head;
        }
    }

    @JsonProperty("done")
    public boolean done() {
        return groups.stream().allMatch(Group::caughtUp);
    }

    /** Done, and every group is reading its replay (not a status from before the reset). */
    @JsonProperty("rebuilt")
    public boolean rebuilt() {
        return done() && groups.stream().allMatch(Group::replaying);
    }

    /** 0..1: events replayed over events to replay, summed over the groups. */
    @JsonProperty("fraction")
    public double fraction() {
        if (head <= 0) {
            return 1.0;
        }
        return groups.stream().mapToDouble(g -> Math.min(1.0, (double) Math.max(g.position(), 0) / head))
                .average().orElse(1.0);
    }
}
