package com.speedfog.racing.command.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Commands handled by the {@code Race} aggregate. */
public final class RaceCommands {
    private RaceCommands() {
    }

    /**
     * The seed was already taken from the pool by the caller; the race records which one, its format
     * (live or async) and the platform's time limits in force.
     */
    public record CreateRace(@TargetAggregateIdentifier UUID raceId, String name, String poolName, String seedId,
                             RaceConfig config, Actor actor, RaceFormat format, PlayLimits limits) {

        /** A live race without time limits. */
        public CreateRace(UUID raceId, String name, String poolName, String seedId, RaceConfig config, Actor actor) {
            this(raceId, name, poolName, seedId, config, actor, RaceFormat.live(), PlayLimits.none());
        }
    }

    /** DRAFT → OPEN: listed, and players may join when registration is open. */
    public record OpenRace(@TargetAggregateIdentifier UUID raceId, Actor actor) {
    }

    /** Rename or change options before the start. */
    public record UpdateRace(@TargetAggregateIdentifier UUID raceId, String name, RaceConfig config, Actor actor) {
    }

    /** The organizer adds a player. */
    public record RegisterParticipant(@TargetAggregateIdentifier UUID raceId, UUID participantId, String userId,
                                      String displayName, Actor actor) {
    }

    /** A player adds themselves (the actor) while registration is open. */
    public record JoinRace(@TargetAggregateIdentifier UUID raceId, UUID participantId, String displayName,
                           Actor actor) {
    }

    /** A player takes themselves (the actor) off the roster while registration is open. */
    public record LeaveRace(@TargetAggregateIdentifier UUID raceId, Actor actor) {
    }

    public record RemoveParticipant(@TargetAggregateIdentifier UUID raceId, UUID participantId, Actor actor) {
    }

    /** Starts the countdown to {@code startAt}; scheduling again moves the start. */
    public record ScheduleStart(@TargetAggregateIdentifier UUID raceId, Instant startAt, Actor actor) {
    }

    public record CancelCountdown(@TargetAggregateIdentifier UUID raceId, Actor actor) {
    }

    /** Forced by the organizer, or automatic (system actor) once every participant is done. */
    public record FinishRace(@TargetAggregateIdentifier UUID raceId, Actor actor) {
    }

    /** Back to OPEN with the same roster and seed; every participant's progress is cleared. */
    public record ResetRace(@TargetAggregateIdentifier UUID raceId, Actor actor) {
    }

    /** Before the start: the caller took {@code newSeedId} from the pool and returns the old one. */
    public record RerollSeed(@TargetAggregateIdentifier UUID raceId, String newSeedId, Actor actor) {
    }

    public record CancelRace(@TargetAggregateIdentifier UUID raceId, Actor actor) {
    }
}
