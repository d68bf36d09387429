package com.speedfog.racing.domain.participant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.ErrorCodes;
import com.speedfog.racing.command.common.RuleViolation;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One player in one race. Stores what is meaningful (readiness, zone entries, deaths, IGT checkpoints,
 * the finish); a 1 Hz status that changes nothing stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = "participantSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Participant {

    /** At most one IGT-only checkpoint per this much in-game time since the last stored IGT (≤ 60 per hour). */
    public static final long CHECKPOINT_INTERVAL_MS = 60_000;
    /** Clients read IGT from memory at their own pace: this much going backwards is jitter, ignored. */
    public static final long IGT_JITTER_MS = 1_000;

    @AggregateIdentifier
    private UUID participantId;
    private UUID raceId;
    private String userId;
    private String organizerId;
    private ParticipantStatus status;
    /** Set when the participation ended without a result of its own (removed, race finished or cancelled). */
    private CloseReason closedBy;
    private long igtMs;
    private long lastCheckpointIgtMs;
    private int deathCount;
    private String currentNode;
    private int highestLayer;
    private Set<String> appliedMessageIds = new HashSet<>();
    private boolean modConnected;

    protected Participant() {
        // for Axon
    }

    @CommandHandler
    public Participant(CreateParticipant command) {
        apply(new ParticipantCreated(command.participantId(), command.raceId(), command.userId(),
                command.displayName(), command.organizerId()));
    }

    @CommandHandler
    public void handle(AssignModToken command) {
        Actor actor = command.actor();
        if (!actor.mayManage(organizerId) && !actor.userId().equals(userId)) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_YOUR_PARTICIPATION, "only the player or the organizer may get this pack");
        }
        if (closedBy == CloseReason.REMOVED) {
            throw RuleViolation.conflict(ErrorCodes.NOT_REGISTERED, "this player was removed from the race");
        }
        apply(new ModTokenAssigned(participantId, raceId, command.tokenHash()));
    }

    @CommandHandler
    public Outcome handle(MarkReady command) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        requireOpen();
        if (status == ParticipantStatus.READY) {
            return Outcome.UNCHANGED;
        }
        if (status == ParticipantStatus.PLAYING) {
            throw RuleViolation.conflict(ErrorCodes.ALREADY_RUNNING, "the race is already running");
        }
        apply(new ParticipantReady(participantId, raceId, command.messageId()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(BeginRun command) {
        if (closedBy != null || status.done() || status == ParticipantStatus.PLAYING) {
            return Outcome.UNCHANGED;
        }
        apply(new RunBegun(participantId, raceId, command.startedAt()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(ReportStatus command) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        requirePlaying();
        long igt = checkIgt(command.igtMs());
        if (command.deathCount() < 0) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_DEATHS, "death_count cannot be negative");
        }
        // The game's death counter only grows: a lower value is a stale read, not a resurrection.
        int deaths = Math.max(deathCount, command.deathCount());
        boolean died = deaths > deathCount;
        boolean checkpointDue = igt - lastCheckpointIgtMs >= CHECKPOINT_INTERVAL_MS;
        if (!died && !checkpointDue) {
            return Outcome.UNCHANGED;
        }
        apply(new StatusCheckpointed(participantId, raceId, igt, deaths, command.messageId()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(EnterZone command) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        requirePlaying();
        long igt = checkIgt(command.igtMs());
        if (command.nodeId() == null || command.nodeId().isBlank() || command.layer() < 0) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_ZONE, "a zone entry needs a node of the seed and its layer");
        }
        if (command.nodeId().equals(currentNode)) {
            return Outcome.UNCHANGED;
        }
        apply(new ZoneEntered(participantId, raceId, command.nodeId(), command.layer(),
                Math.max(highestLayer, command.layer()), igt, deathCount, command.messageId()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(FinishRun command) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        requirePlaying();
        long igt = checkIgt(command.igtMs());
        apply(new ParticipantFinished(participantId, raceId, igt, deathCount, command.messageId()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public void handle(Abandon command) {
        Actor actor = command.actor();
        if (!actor.userId().equals(userId) && !actor.mayManage(organizerId)) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_YOUR_PARTICIPATION, "only the player may abandon their run");
        }
        requirePlaying();
        apply(new ParticipantAbandoned(participantId, raceId, igtMs, actor.userId()));
    }

    /** The organizer's verdict; allowed on a finisher too (a run found invalid afterwards). */
    @CommandHandler
    public void handle(Disqualify command) {
        if (!command.actor().mayManage(organizerId)) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_ORGANIZER, "only the race's organizer may disqualify");
        }
        if (status != ParticipantStatus.PLAYING && status != ParticipantStatus.FINISHED) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_RUNNING,
                    "only a player who is racing or finished can be disqualified (player is " + status + ")");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        apply(new ParticipantDisqualified(participantId, raceId, reason, command.actor().userId()));
    }

    @CommandHandler
    public Outcome handle(RecordModConnection command) {
        if (command.connected() == modConnected) {
            return Outcome.UNCHANGED;
        }
        apply(new ModConnectionChanged(participantId, raceId, command.connected()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(ResetParticipant command) {
        if (closedBy == CloseReason.REMOVED) {
            return Outcome.UNCHANGED;
        }
        apply(new ParticipantReset(participantId, raceId));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(CloseParticipant command) {
        if (closedBy != null) {
            return Outcome.UNCHANGED;
        }
        apply(new ParticipantClosed(participantId, raceId, command.reason(), status));
        return Outcome.APPLIED;
    }

    // ---- rules

    private boolean seen(String messageId) {
        return messageId != null && appliedMessageIds.contains(messageId);
    }

    /** Not closed and not done: readiness and gameplay need a live participation. */
    private void requireOpen() {
        if (closedBy == CloseReason.REMOVED) {
            throw RuleViolation.conflict(ErrorCodes.NOT_REGISTERED, "this player was removed from the race");
        }
        if (status.done()) {
            throw RuleViolation.conflict(ErrorCodes.PARTICIPANT_DONE, "this run is over (" + status + ")");
        }
        if (closedBy != null) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_RUNNING, "the race is over");
        }
    }

    private void requirePlaying() {
        requireOpen();
        if (status != ParticipantStatus.PLAYING) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_RUNNING, "the race has not started");
        }
    }

    /** @return the IGT to record: never below the last one stored */
    private long checkIgt(long reported) {
        if (reported < 0) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_IGT, "igt_ms cannot be negative");
        }
        if (reported < igtMs - IGT_JITTER_MS) {
            throw RuleViolation.invalid(ErrorCodes.IGT_BACKWARDS,
                    "igt_ms went backwards (" + reported + " after " + igtMs + ")");
        }
        return Math.max(reported, igtMs);
    }

    private void remember(String messageId) {
        if (messageId != null) {
            appliedMessageIds.add(messageId);
        }
    }

    // ---- state

    @EventSourcingHandler
    void on(ParticipantCreated event) {
        participantId = event.participantId();
        raceId = event.raceId();
        userId = event.userId();
        organizerId = event.organizerId();
        status = ParticipantStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(ParticipantReady event) {
        status = ParticipantStatus.READY;
        remember(event.messageId());
    }

    @EventSourcingHandler
    void on(RunBegun event) {
        status = ParticipantStatus.PLAYING;
    }

    @EventSourcingHandler
    void on(StatusCheckpointed event) {
        igtMs = event.igtMs();
        lastCheckpointIgtMs = event.igtMs();
        deathCount = event.deathCount();
        remember(event.messageId());
    }

    @EventSourcingHandler
    void on(ZoneEntered event) {
        igtMs = event.igtMs();
        lastCheckpointIgtMs = event.igtMs(); // a zone entry stores the IGT too

        currentNode = event.nodeId();
        highestLayer = event.highestLayer();
        remember(event.messageId());
    }

    @EventSourcingHandler
    void on(ParticipantFinished event) {
        igtMs = event.igtMs();
        status = ParticipantStatus.FINISHED;
        remember(event.messageId());
    }

    @EventSourcingHandler
    void on(ParticipantAbandoned event) {
        status = ParticipantStatus.ABANDONED;
    }

    @EventSourcingHandler
    void on(ParticipantDisqualified event) {
        status = ParticipantStatus.DISQUALIFIED;
    }

    @EventSourcingHandler
    void on(ModConnectionChanged event) {
        modConnected = event.connected();
    }

    @EventSourcingHandler
    void on(ParticipantReset event) {
        status = ParticipantStatus.REGISTERED;
        closedBy = null;
        igtMs = 0;
        lastCheckpointIgtMs = 0;
        deathCount = 0;
        currentNode = null;
        highestLayer = 0;
    }

    @EventSourcingHandler
    void on(ParticipantClosed event) {
        closedBy = event.reason();
    }
}
