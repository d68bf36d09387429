package com.speedfog.racing.command.participant;

import com.speedfog.racing.command.participant.ParticipantCommands.CloseReason;

import java.time.Instant;
import java.util.UUID;

/** Events of the {@code Participant} aggregate. Every one carries the participant and its race. */
public final class ParticipantEvents {
    private ParticipantEvents() {
    }

    public sealed interface ParticipantEvent permits ParticipantCreated, ModTokenAssigned, ParticipantReady,
            RunBegun, StatusCheckpointed, ZoneEntered, ParticipantFinished, ParticipantAbandoned,
            ParticipantDisqualified, ParticipantReset, ParticipantClosed, ModConnectionChanged {
        UUID participantId();

        UUID raceId();
    }

    /** A gameplay event that came from a client message. */
    public interface FromClientMessage {
        String messageId();
    }

    public record ParticipantCreated(UUID participantId, UUID raceId, String userId, String displayName,
                                     String organizerId) implements ParticipantEvent {
    }

    public record ModTokenAssigned(UUID participantId, UUID raceId, String tokenHash) implements ParticipantEvent {
    }

    public record ParticipantReady(UUID participantId, UUID raceId, String messageId)
            implements ParticipantEvent, FromClientMessage {
    }

    public record RunBegun(UUID participantId, UUID raceId, Instant startedAt) implements ParticipantEvent {
    }

    /**
     * IGT and deaths at a moment that matters: deaths changed, or the IGT checkpoint interval passed.
     */
    public record StatusCheckpointed(UUID participantId, UUID raceId, long igtMs, int deathCount, String messageId)
            implements ParticipantEvent, FromClientMessage {
    }

    /**
     * @param layer        the layer of the node entered
     * @param highestLayer the participant's layer high-water mark after this entry
     * @param deathCount   deaths so far (so deaths before the entry belong to the node left)
     */
    public record ZoneEntered(UUID participantId, UUID raceId, String nodeId, int layer, int highestLayer,
                              long igtMs, int deathCount, String messageId)
            implements ParticipantEvent, FromClientMessage {
    }

    public record ParticipantFinished(UUID participantId, UUID raceId, long igtMs, int deathCount, String messageId)
            implements ParticipantEvent, FromClientMessage {
    }

    /** @param by the user who quit: the player, or an organizer or admin for them */
    public record ParticipantAbandoned(UUID participantId, UUID raceId, long igtMs, String by)
            implements ParticipantEvent {
    }

    public record ParticipantDisqualified(UUID participantId, UUID raceId, String reason, String by)
            implements ParticipantEvent {
    }

    public record ModConnectionChanged(UUID participantId, UUID raceId, boolean connected) implements ParticipantEvent {
    }

    public record ParticipantReset(UUID participantId, UUID raceId) implements ParticipantEvent {
    }

    public record ParticipantClosed(UUID participantId, UUID raceId, CloseReason reason, ParticipantStatus statusBefore)
            implements ParticipantEvent {
    }
}
