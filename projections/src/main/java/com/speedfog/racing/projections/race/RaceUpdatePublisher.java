package com.speedfog.racing.projections.race;

import com.speedfog.racing.query.race.RaceUpdate;

/**
 * Where the race views tell their watchers what changed. Called inside the projection's transaction:
 * an implementation must deliver only once that transaction commits, and to every gateway node, not
 * only the one whose processor handled the event.
 */
@FunctionalInterface
public interface RaceUpdatePublisher {
    void publish(RaceUpdate update);
}
