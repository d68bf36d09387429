package com.speedfog.racing.query.race;

import com.speedfog.racing.query.viewer.Viewer;

import java.util.UUID;

/**
 * Queries answered from the race read models. Each carries its {@link Viewer}; the answers are what
 * that viewer may see ({@link com.speedfog.racing.query.viewer.Sight}).
 */
public final class RaceQueries {
    private RaceQueries() {
    }

    public static final int MAX_PAGE_SIZE = 100;

    /** Answers a {@link RaceDetail} as the viewer may see it, or null when there is no such race. */
    public record FindRace(UUID raceId, Viewer viewer) {
    }

    /** Answers the race's {@link RaceSummary} (no positions, no names), or null when there is no such race. */
    public record FindRaceSummary(UUID raceId, Viewer viewer) {
    }

    /**
     * Answers a {@link RacePage}, newest first; private races only for an admin.
     *
     * @param status a race status in lower or upper case, or null for every status
     */
    public record ListRaces(String status, int page, int size, Viewer viewer) {
    }

    /** Answers the viewer's own {@link ParticipantView} in this race (with their history), or null. */
    public record FindMyParticipation(UUID raceId, Viewer viewer) {
    }

    /** Answers a {@link ParticipantView} as the viewer may see it, or null. */
    public record FindParticipant(UUID participantId, Viewer viewer) {
    }

    /**
     * Answers a {@link RaceSnapshot} (race, participants, leaderboard) as the viewer may see it, or null:
     * what a live page or socket starts from.
     */
    public record GetRaceSnapshot(UUID raceId, Viewer viewer) {
    }

    /**
     * Subscription query of the node's live feed: the initial answer is a {@link RaceSnapshot}, every
     * update a {@link RaceUpdate} carrying only what changed, both unfiltered. Only the feed that fans
     * them out subscribes; it applies each listener's {@link com.speedfog.racing.query.viewer.Sight}
     * before anything reaches a viewer.
     */
    public record WatchRace(UUID raceId) {
    }

    /**
     * Answers the participant whose mod token hashes to this value, or null. The mod token is the
     * viewer here: the answer is that player's own participation.
     */
    public record FindParticipantByTokenHash(String tokenHash) {
    }
}
