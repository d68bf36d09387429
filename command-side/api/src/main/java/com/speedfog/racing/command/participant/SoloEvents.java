package com.speedfog.racing.command.participant;

import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantEvent;

import java.time.Instant;
import java.util.UUID;

/** Events of runs a player starts on their own (see {@link SoloCommands}). */
public final class SoloEvents {
    private SoloEvents() {
    }

    /**
     * A training run: one player, no race. {@code raceId} equals {@code participantId}: the run is stored,
     * listed and watched under that one id, the way a race is.
     */
    public record TrainingRunCreated(UUID participantId, UUID raceId, String userId, String displayName,
                                     String poolName, String seedId, boolean ghostConsent, int countdownSeconds,
                                     PlayLimits limits) implements ParticipantEvent {
    }

    /** The player may start their own run until {@code until} (an async race's last start). */
    public record OwnStartAllowed(UUID participantId, UUID raceId, Instant until, int countdownSeconds)
            implements ParticipantEvent {
    }

    /** The player's own countdown: their run begins at {@code startsAt}. */
    public record OwnCountdownStarted(UUID participantId, UUID raceId, Instant startsAt) implements ParticipantEvent {
    }

    public record GhostConsentChanged(UUID participantId, UUID raceId, boolean allowed) implements ParticipantEvent {
    }
}
