package com.speedfog.racing.query.timeline;

import java.util.List;

/**
 * One page of a race's timeline.
 *
 * @param entries what the viewer may see of this stretch of the timeline (may be fewer than were read)
 * @param next    the {@code afterSequence} of the next page, or null when this was the last
 */
public record TimelinePage(List<TimelineEntry> entries, Long next) {
}
