package com.speedfog.racing.query.race;

import java.util.UUID;

/** Queries answered from the race read models. */
public final class RaceQueries {
    private RaceQueries() {
    }

    public static final int MAX_PAGE_SIZE = 100;

    /** Answers a {@link RaceDetail}, or null when there is no such race. */
    public record FindRace(UUID raceId) {
    }

    /**
     * Answers a {@link RacePage}, newest first.
     *
     * @param status a race status in lower or upper case, or null for every status
     * @param onlyPublic leave out private races (listings for the public)
     */
    public record ListRaces(String status, boolean onlyPublic, int page, int size) {
    }

    /** Answers the race's participants with their zone history (the spectator state). */
    public record GetSpectatorState(UUID raceId) {
    }

    /**
     * Subscription query: the initial answer is a {@link RaceSnapshot}, every update a
     * {@link RaceUpdate} carrying only what changed.
     */
    public record WatchRace(UUID raceId) {
    }

    /** Answers the participant whose mod token hashes to this value, or null. */
    public record FindParticipantByTokenHash(String tokenHash) {
    }
}
