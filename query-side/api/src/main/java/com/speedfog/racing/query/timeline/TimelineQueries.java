package com.speedfog.racing.query.timeline;

import com.speedfog.racing.query.viewer.Viewer;

import java.util.UUID;

public final class TimelineQueries {
    private TimelineQueries() {
    }

    public static final int MAX_PAGE_SIZE = 5_000;

    /**
     * Answers the race's stored events after {@code afterSequence} in store order, at most {@code limit}
     * of them, as the viewer may see them: a {@link TimelinePage}, or null when there is no such race.
     * Read page after page (from {@link TimelinePage#next()}) for the whole timeline.
     */
    public record GetTimeline(UUID raceId, Viewer viewer, long afterSequence, int limit) {
        public static GetTimeline first(UUID raceId, Viewer viewer) {
            return new GetTimeline(raceId, viewer, -1, MAX_PAGE_SIZE);
        }
    }
}
