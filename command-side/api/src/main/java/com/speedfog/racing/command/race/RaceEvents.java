package com.speedfog.racing.command.race;

import java.time.Instant;
import java.util.UUID;

/** Events of the {@code Race} aggregate. Every one carries the race id. */
public final class RaceEvents {
    private RaceEvents() {
    }

    /** Marker so handlers and the timeline can take every race event. */
    public sealed interface RaceEvent permits RaceCreated, RaceOpened, RaceUpdated, ParticipantRegistered,
            ParticipantRemoved, RaceStartScheduled, RaceCountdownCancelled, RaceStarted, RaceFinished, RaceReset,
            SeedRerolled, RaceCancelled {
        UUID raceId();
    }

    public record RaceCreated(UUID raceId, String name, String organizerId, String poolName, String seedId,
                              RaceConfig config) implements RaceEvent {
    }

    public record RaceOpened(UUID raceId) implements RaceEvent {
    }

    public record RaceUpdated(UUID raceId, String name, RaceConfig config) implements RaceEvent {
    }

    /** @param selfJoined true when the player joined by themselves, false when the organizer added them */
    public record ParticipantRegistered(UUID raceId, UUID participantId, String userId, String displayName,
                                        boolean selfJoined) implements RaceEvent {
    }

    public enum RemovalReason { REMOVED_BY_ORGANIZER, LEFT }

    public record ParticipantRemoved(UUID raceId, UUID participantId, String userId, RemovalReason reason)
            implements RaceEvent {
    }

    public record RaceStartScheduled(UUID raceId, Instant startAt) implements RaceEvent {
    }

    public record RaceCountdownCancelled(UUID raceId) implements RaceEvent {
    }

    public record RaceStarted(UUID raceId, Instant startedAt) implements RaceEvent {
    }

    /** @param forcedBy the organizer or admin who forced it; null when every participant was done */
    public record RaceFinished(UUID raceId, String forcedBy) implements RaceEvent {
    }

    public record RaceReset(UUID raceId) implements RaceEvent {
    }

    public record SeedRerolled(UUID raceId, String previousSeedId, String newSeedId) implements RaceEvent {
    }

    public record RaceCancelled(UUID raceId, RaceStatus previousStatus) implements RaceEvent {
    }
}
