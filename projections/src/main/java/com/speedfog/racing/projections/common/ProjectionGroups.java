package com.speedfog.racing.projections.common;

import java.util.List;

/** The processing groups that build read models: what a rebuild resets and replays. */
public final class ProjectionGroups {
    private ProjectionGroups() {
    }

    public static final String RACE_VIEWS = "race-views";
    public static final String RACE_TIMELINE = "race-timeline";

    public static final List<String> ALL = List.of(RACE_VIEWS, RACE_TIMELINE);
}
