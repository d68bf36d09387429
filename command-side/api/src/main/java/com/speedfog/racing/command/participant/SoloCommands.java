package com.speedfog.racing.command.participant;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Commands of runs a player starts on their own: training runs (no race, no organizer), a player's own
 * start inside an async race's window, and whether a run may serve others as a ghost. Handled by the
 * {@code Participant} aggregate, which is a player's run whatever it belongs to.
 */
public final class SoloCommands {
    private SoloCommands() {
    }

    /**
     * A logged-in player starts a training run on a seed of a pool (the caller chose the seed; training
     * never takes a seed from the race stock). The run's id is also the id it is stored, watched and
     * packed under, as a race's would be.
     *
     * @param ghostConsent whether this run may serve other players as a ghost
     */
    public record StartTrainingRun(@TargetAggregateIdentifier UUID runId, String poolName, String seedId,
                                   String displayName, boolean ghostConsent, int countdownSeconds, PlayLimits limits,
                                   Actor actor) {
    }

    /**
     * Sent by the race saga when an async race's window opens (or a player joins while it is open): the
     * player may start their own run until {@code until}, counting down {@code countdownSeconds}.
     */
    public record AllowOwnStart(@TargetAggregateIdentifier UUID participantId, Instant until, int countdownSeconds) {
    }

    /** The player (the actor) starts their own countdown; their run begins when it reaches zero. */
    public record StartOwnRun(@TargetAggregateIdentifier UUID participantId, Actor actor) {
    }

    /** The player (the actor) lets this run serve others as a ghost, or takes it back. */
    public record SetGhostConsent(@TargetAggregateIdentifier UUID participantId, boolean allowed, Actor actor) {
    }
}
