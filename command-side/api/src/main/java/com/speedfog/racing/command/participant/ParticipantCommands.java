package com.speedfog.racing.command.participant;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Commands handled by the {@code Participant} aggregate. Gameplay commands carry the client's
 * {@code messageId} (may be null): a message id is applied at most once per participant. Node ids and
 * layers have been checked against the seed graph before a command is sent.
 */
public final class ParticipantCommands {
    private ParticipantCommands() {
    }

    /** Sent by the race saga once the race registered the player; the race's limits apply to the run. */
    public record CreateParticipant(@TargetAggregateIdentifier UUID participantId, UUID raceId, String userId,
                                    String displayName, String organizerId, PlayLimits limits) {

        public CreateParticipant(UUID participantId, UUID raceId, String userId, String displayName, String organizerId) {
            this(participantId, raceId, userId, displayName, organizerId, PlayLimits.none());
        }
    }

    /** A fresh mod token (only its hash): the previous token stops working. */
    public record AssignModToken(@TargetAggregateIdentifier UUID participantId, String tokenHash, Actor actor) {
    }

    public record MarkReady(@TargetAggregateIdentifier UUID participantId, String messageId) {
    }

    /** Sent by the race saga when the race starts. */
    public record BeginRun(@TargetAggregateIdentifier UUID participantId, Instant startedAt) {
    }

    /**
     * A player spoke at GO before the race saga began their run: begin it now if their race has started
     * (the race decides). Answers {@code true} when the run is begun.
     */
    public record BeginRunAtGo(UUID participantId, UUID raceId) {
    }

    /** A client's periodic status; stores an event only when it matters (see the aggregate). */
    public record ReportStatus(@TargetAggregateIdentifier UUID participantId, long igtMs, int deathCount,
                               String messageId) {
    }

    public record EnterZone(@TargetAggregateIdentifier UUID participantId, String nodeId, int layer, long igtMs,
                            String messageId) {
    }

    public record FinishRun(@TargetAggregateIdentifier UUID participantId, long igtMs, String messageId) {
    }

    /** The player quits (or the organizer for them). */
    public record Abandon(@TargetAggregateIdentifier UUID participantId, Actor actor) {
    }

    public record Disqualify(@TargetAggregateIdentifier UUID participantId, String reason, Actor actor) {
    }

    /** Sent by the race saga when the race is reset. */
    public record ResetParticipant(@TargetAggregateIdentifier UUID participantId) {
    }

    /** The gateway saw the player's mod client connect or drop; stored only when it changes. */
    public record RecordModConnection(@TargetAggregateIdentifier UUID participantId, boolean connected) {
    }

    /**
     * REMOVED from the roster; RACE_FINISHED or RACE_CANCELLED with the player not done; TIME_LIMIT: a
     * training run past its maximum duration (not started, or still running: DNF).
     */
    public enum CloseReason { REMOVED, RACE_FINISHED, RACE_CANCELLED, TIME_LIMIT }

    /** Sent by the race saga: the participation ends without a result of its own. */
    public record CloseParticipant(@TargetAggregateIdentifier UUID participantId, CloseReason reason) {
    }
}
