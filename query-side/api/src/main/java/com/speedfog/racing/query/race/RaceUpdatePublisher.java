package com.speedfog.racing.query.race;

/**
 * Where the race read models tell their watchers what changed ({@link RaceQueries.WatchRace}). Called
 * inside the projection's transaction: an implementation must deliver only once that transaction
 * commits, and to every gateway node, not only the one whose processor handled the event.
 */
@FunctionalInterface
public interface RaceUpdatePublisher {
    void publish(RaceUpdate update);
}
