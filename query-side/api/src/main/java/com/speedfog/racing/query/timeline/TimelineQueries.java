package com.speedfog.racing.query.timeline;

import java.util.UUID;

public final class TimelineQueries {
    private TimelineQueries() {
    }

    /** Answers every stored event of the race in order, as a list of {@link TimelineEntry}. */
    public record GetTimeline(UUID raceId) {
    }
}
