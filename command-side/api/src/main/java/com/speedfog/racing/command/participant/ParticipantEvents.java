package com.speedfog.racing.command.participant;

import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantCommands.CloseReason;

import java.time.Instant;
import java.util.UUID;

/** Events of the {@code Participant} aggregate. Every one carries the participant and its race. */
public final class ParticipantEvents {
    private ParticipantEvents() {
    }

    public sealed interface ParticipantEvent permits ParticipantCreated, ModTokenAssigned, ParticipantReady,
            RunBegun, StatusCheckpointed, ZoneEntered, ParticipantFinished, ParticipantAbandoned,
            ParticipantDisqualified, ParticipantReset, ParticipantClosed, ModConnectionChanged,
            InactivityWarned, SoloEvents.TrainingRunCreated, SoloEvents.OwnStartAllowed, SoloEvents.OwnCountdownStarted,
            SoloEvents.GhostConsentChanged {
        UUID participantId();

        UUID raceId();
    }

    /** A gameplay event that came from a client message. */
    public interface FromClientMessage {
        String messageId();
    }

    /** @param limits null in events stored before limits existed (none) */
    public record ParticipantCreated(UUID participantId, UUID raceId, String userId, String displayName,
                                     String organizerId, PlayLimits limits) implements ParticipantEvent {

        public ParticipantCreated(UUID participantId, UUID raceId, String userId, String displayName, String organizerId) {
            this(participantId, raceId, userId, displayName, organizerId, PlayLimits.none());
        }
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

    /** QUIT: the player (or an organizer for them); INACTIVE: the platform, after the player's silence. */
    public enum AbandonReason { QUIT, INACTIVE }

    /**
     * @param by     the user who quit: the player, or an organizer or admin for them; "system" when inactive
     * @param reason null in events stored before reasons existed: see {@link #why()}
     */
    public record ParticipantAbandoned(UUID participantId, UUID raceId, long igtMs, String by, AbandonReason reason)
            implements ParticipantEvent {

        public ParticipantAbandoned(UUID participantId, UUID raceId, long igtMs, String by) {
            this(participantId, raceId, igtMs, by, AbandonReason.QUIT);
        }

        public AbandonReason why() {
            return reason == null ? AbandonReason.QUIT : reason;
        }
    }

    /**
     * A running player stored no progress for a while: abandoned at {@code abandonAt} unless the run
     * moves again before (any stored progress lifts the warning).
     *
     * @param silentSince when the run last stored progress
     */
    public record InactivityWarned(UUID participantId, UUID raceId, Instant silentSince, Instant abandonAt)
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
