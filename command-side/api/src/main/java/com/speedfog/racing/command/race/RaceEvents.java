package com.speedfog.racing.command.race;

import com.speedfog.racing.command.common.PlayLimits;

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

    /** @param format null in events stored before formats existed (live); limits likewise (none) */
    public record RaceCreated(UUID raceId, String name, String organizerId, String poolName, String seedId,
                              RaceConfig config, RaceFormat format, PlayLimits limits) implements RaceEvent {

        /** A live race without time limits. */
        public RaceCreated(UUID raceId, String name, String organizerId, String poolName, String seedId, RaceConfig config) {
            this(raceId, name, organizerId, poolName, seedId, config, RaceFormat.live(), PlayLimits.none());
        }
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

    /** Why a race finished. Players still running then are closed without a result (DNF). */
    public enum FinishReason {
        /** Every participant finished, abandoned or was disqualified. */
        ALL_DONE,
        /** The organizer or an admin finished it. */
        FORCED,
        /** An async race's window closed. */
        WINDOW_CLOSED,
        /** A live race ran past the platform's maximum duration. */
        TIME_LIMIT
    }

    /**
     * @param forcedBy the organizer or admin who forced it; null otherwise
     * @param reason   null in events stored before reasons existed: see {@link #why()}
     */
    public record RaceFinished(UUID raceId, String forcedBy, FinishReason reason) implements RaceEvent {

        public RaceFinished(UUID raceId, String forcedBy) {
            this(raceId, forcedBy, forcedBy == null ? FinishReason.ALL_DONE : FinishReason.FORCED);
        }

        public FinishReason why() {
            return reason != null ? reason : forcedBy == null ? FinishReason.ALL_DONE : FinishReason.FORCED;
        }
    }

    public record RaceReset(UUID raceId) implements RaceEvent {
    }

    public record SeedRerolled(UUID raceId, String previousSeedId, String newSeedId) implements RaceEvent {
    }

    public record RaceCancelled(UUID raceId, RaceStatus previousStatus) implements RaceEvent {
    }
}
