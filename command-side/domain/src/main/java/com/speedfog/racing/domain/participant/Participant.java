package com.speedfog.racing.domain.participant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.ErrorCodes;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.common.RuleViolation;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import com.speedfog.racing.command.participant.SoloCommands.*;
import com.speedfog.racing.command.participant.SoloEvents.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.domain.race.Race;
import com.speedfog.racing.domain.race.RaceNames;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One player's run: in a race, or alone (a training run). Stores what is meaningful (readiness, zone
 * entries, deaths, IGT checkpoints, the finish); a 1 Hz status that changes nothing stores nothing.
 * A run begins at the race's GO, or at the end of the player's own countdown (training runs, async
 * races). Deadlines enforce the limits: a silent runner is warned, then abandoned; a training run past
 * its maximum duration is closed.
 */
@Aggregate(snapshotTriggerDefinition = "participantSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Participant {

    /** At most one IGT-only checkpoint per this much in-game time since the last stored IGT (≤ 60 per hour). */
    public static final long CHECKPOINT_INTERVAL_MS = 60_000;
    /** Clients read IGT from memory at their own pace: this much going backwards is jitter, ignored. */
    public static final long IGT_JITTER_MS = 1_000;

    static final String OWN_START_DEADLINE = "own-start";
    static final String INACTIVITY_DEADLINE = "inactivity-check";
    static final String RUN_LIMIT_DEADLINE = "run-limit";

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
    /** Null in snapshots taken before limits existed: see {@link #limits()}. */
    private PlayLimits limits;
    private boolean training;
    /** Whether the player starts their own run (training, async race), until {@code ownStartUntil} (null: any time). */
    private boolean ownStart;
    private Instant ownStartUntil;
    private int countdownSeconds;
    /** The end of the player's own countdown; their run begins then. */
    private Instant countdownTo;
    /** Counts the runs begun (a reset race runs again): an inactivity check of an earlier run is stale. */
    private int runNumber;
    /** When the run last stored progress (its start, an IGT checkpoint, a gate). */
    private Instant lastProgressAt;
    /** The silence the last inactivity warning was about; a warning is current while no progress came since. */
    private Instant warnedSilentSince;
    private boolean ghostConsent;

    protected Participant() {
        // for Axon
    }

    @CommandHandler
    public Participant(CreateParticipant command) {
        apply(new ParticipantCreated(command.participantId(), command.raceId(), command.userId(),
                command.displayName(), command.organizerId(), command.limits() == null ? PlayLimits.none() : command.limits()));
    }

    /** A player alone on a seed: their own organizer, starting whenever they like. */
    @CommandHandler
    public Participant(StartTrainingRun command, DeadlineManager deadlines) {
        Actor actor = command.actor();
        if (actor.role() == Actor.Role.SYSTEM) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_YOUR_PARTICIPATION, "a training run belongs to a player");
        }
        String name = RaceNames.check(command.displayName());
        if (blank(command.poolName()) || blank(command.seedId())) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, "a training run needs a pool and a seed");
        }
        if (command.countdownSeconds() < RaceConfig.MIN_COUNTDOWN || command.countdownSeconds() > RaceConfig.MAX_COUNTDOWN) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, "the countdown must last between " + RaceConfig.MIN_COUNTDOWN
                    + " and " + RaceConfig.MAX_COUNTDOWN + " seconds (was " + command.countdownSeconds() + ")");
        }
        PlayLimits limits = command.limits() == null ? PlayLimits.none() : command.limits();
        if (limits.problem() != null) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, limits.problem());
        }
        apply(new TrainingRunCreated(command.runId(), command.runId(), actor.userId(), name, command.poolName().strip(),
                command.seedId(), command.ghostConsent(), command.countdownSeconds(), limits));
        // Counted from creation until the run begins, then from its start (events applied in a constructor
        // reach the state only after it returns: schedule from the command).
        scheduleRunLimit(now(), limits, deadlines);
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
    public Outcome handle(BeginRun command, DeadlineManager deadlines) {
        if (closedBy != null || status.done() || status == ParticipantStatus.PLAYING) {
            return Outcome.UNCHANGED;
        }
        begin(command.startedAt(), now(), deadlines);
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(AllowOwnStart command) {
        if (closedBy != null || status.done() || status == ParticipantStatus.PLAYING
                || (ownStart && java.util.Objects.equals(ownStartUntil, command.until())
                && countdownSeconds == command.countdownSeconds())) {
            return Outcome.UNCHANGED;
        }
        apply(new OwnStartAllowed(participantId, raceId, command.until(), command.countdownSeconds()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public void handle(StartOwnRun command, DeadlineManager deadlines) {
        if (!command.actor().userId().equals(userId)) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_YOUR_PARTICIPATION, "only the player starts their own run");
        }
        requireOpen();
        if (status == ParticipantStatus.PLAYING) {
            throw RuleViolation.conflict(ErrorCodes.ALREADY_RUNNING, "your run has already begun");
        }
        if (!ownStart) {
            throw RuleViolation.conflict(ErrorCodes.OWN_START_NOT_ALLOWED,
                    "this run does not start on its own now: a live race starts everyone at GO, an async race once its window opens");
        }
        Instant now = now();
        if (ownStartUntil != null && !now.isBefore(ownStartUntil)) {
            throw RuleViolation.conflict(ErrorCodes.LAST_START_PASSED, "the last start was at " + ownStartUntil);
        }
        if (countdownTo != null) {
            throw RuleViolation.conflict(ErrorCodes.COUNTDOWN_RUNNING, "your countdown is already running (GO at " + countdownTo + ")");
        }
        Instant startsAt = now.plusSeconds(countdownSeconds).truncatedTo(ChronoUnit.MILLIS);
        apply(new OwnCountdownStarted(participantId, raceId, startsAt));
        deadlines.schedule(startsAt, OWN_START_DEADLINE, new OwnStartDue(startsAt));
    }

    /** The player's own GO (also after a restart: a start missed while the server was down happens now). */
    @DeadlineHandler(deadlineName = OWN_START_DEADLINE)
    public void onOwnStartDue(OwnStartDue due, DeadlineManager deadlines) {
        if (due.startsAt().equals(countdownTo) && status != ParticipantStatus.PLAYING && !status.done() && closedBy == null) {
            Instant now = firedAt(due.startsAt());
            begin(now.isAfter(countdownTo.plus(Race.START_GRACE)) ? now : countdownTo, now, deadlines);
        }
    }

    @CommandHandler
    public Outcome handle(SetGhostConsent command) {
        Actor actor = command.actor();
        if (!actor.userId().equals(userId) && !actor.isPrivileged()) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_YOUR_PARTICIPATION, "only the player decides whether their run is a ghost");
        }
        if (command.allowed() == ghostConsent) {
            return Outcome.UNCHANGED;
        }
        apply(new GhostConsentChanged(participantId, raceId, command.allowed()));
        return Outcome.APPLIED;
    }

    /** Warns a runner who stored no progress for a while, then abandons them (see {@link InactivityRule}). */
    @DeadlineHandler(deadlineName = INACTIVITY_DEADLINE)
    public void onInactivityCheck(InactivityCheck check, DeadlineManager deadlines) {
        if (check.run() != runNumber || status != ParticipantStatus.PLAYING || closedBy != null
                || limits().inactivityTimeout() == null) {
            return;
        }
        InactivityRule rule = new InactivityRule(limits(), lastProgressAt);
        Instant now = firedAt(check.at());
        if (rule.abandonDue(now)) {
            apply(new ParticipantAbandoned(participantId, raceId, igtMs, Actor.system().userId(), AbandonReason.INACTIVE));
            return;
        }
        if (rule.warningDue(now) && !lastProgressAt.equals(warnedSilentSince)) {
            apply(new InactivityWarned(participantId, raceId, lastProgressAt, rule.abandonAt()));
        }
        scheduleInactivityCheck(rule.nextCheck(now), deadlines);
    }

    /** A training run past its maximum duration: not begun, or still running (a DNF). */
    @DeadlineHandler(deadlineName = RUN_LIMIT_DEADLINE)
    public void onRunLimit(RunLimitDue due) {
        if (due.run() == runNumber && closedBy == null && !status.done()) {
            apply(new ParticipantClosed(participantId, raceId, CloseReason.TIME_LIMIT, status));
        }
    }

    @CommandHandler
    public Outcome handle(ReportStatus command, DeadlineManager deadlines) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        beginIfOwnCountdownEnded(deadlines);
        requirePlaying();
        long igt = checkIgt(command.igtMs());
        if (command.deathCount() < 0) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_DEATHS, "death_count cannot be negative");
        }
        // The game's death counter only grows: a lower value is a stale read, not a resurrection.
        int deaths = Math.max(deathCount, command.deathCount());
        boolean died = deaths > deathCount;
        // A warned player who plays again is stored at once, which lifts the warning.
        boolean checkpointDue = igt - lastCheckpointIgtMs >= CHECKPOINT_INTERVAL_MS || (warned() && igt > igtMs);
        if (!died && !checkpointDue) {
            return Outcome.UNCHANGED;
        }
        apply(new StatusCheckpointed(participantId, raceId, igt, deaths, command.messageId()));
        return Outcome.APPLIED;
    }

    @CommandHandler
    public Outcome handle(EnterZone command, DeadlineManager deadlines) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        beginIfOwnCountdownEnded(deadlines);
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
    public Outcome handle(FinishRun command, DeadlineManager deadlines) {
        if (seen(command.messageId())) {
            return Outcome.DUPLICATE;
        }
        beginIfOwnCountdownEnded(deadlines);
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
        if (!(ownStart && status != ParticipantStatus.PLAYING)) {
            requirePlaying();
        }
        requireOpen(); // a run that starts on its own may also be given up before it begins
        apply(new ParticipantAbandoned(participantId, raceId, igtMs, actor.userId(), AbandonReason.QUIT));
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

    private void begin(Instant startedAt, Instant now, DeadlineManager deadlines) {
        apply(new RunBegun(participantId, raceId, startedAt));
        if (limits().inactivityTimeout() != null) {
            scheduleInactivityCheck(new InactivityRule(limits(), lastProgressAt).nextCheck(now), deadlines);
        }
        if (training) {
            scheduleRunLimit(startedAt, limits(), deadlines);
        }
    }

    /**
     * The GO moment of an own countdown: a message that arrives when the countdown has ended but before
     * its deadline fired begins the run first, as the deadline would have.
     */
    private void beginIfOwnCountdownEnded(DeadlineManager deadlines) {
        if (countdownTo != null && status != ParticipantStatus.PLAYING && !status.done() && closedBy == null
                && !now().isBefore(countdownTo)) {
            begin(countdownTo, now(), deadlines);
        }
    }

    private void scheduleInactivityCheck(Instant at, DeadlineManager deadlines) {
        deadlines.schedule(at, INACTIVITY_DEADLINE, new InactivityCheck(runNumber, at));
    }

    /**
     * "Now" in a deadline handler: never before the instant the deadline was due (a deadline fires at or
     * after it; a test's simulated time moves the deadline, not the clock). Next checks are scheduled
     * strictly after it, so a chain of checks always moves forward.
     */
    private static Instant firedAt(Instant due) {
        Instant now = now();
        return now.isBefore(due) ? due : now;
    }

    /** The limit of the run as it is now (not begun: 0; then the run's number): a later start makes it stale. */
    private void scheduleRunLimit(Instant from, PlayLimits limits, DeadlineManager deadlines) {
        if (limits.maxDuration() != null) {
            deadlines.schedule(from.plus(limits.maxDuration()), RUN_LIMIT_DEADLINE, new RunLimitDue(runNumber));
        }
    }

    private boolean warned() {
        return warnedSilentSince != null && warnedSilentSince.equals(lastProgressAt);
    }

    private PlayLimits limits() {
        return limits == null ? PlayLimits.none() : limits;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

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
        limits = event.limits() == null ? PlayLimits.none() : event.limits();
    }

    @EventSourcingHandler
    void on(TrainingRunCreated event) {
        participantId = event.participantId();
        raceId = event.raceId();
        userId = event.userId();
        organizerId = event.userId(); // the player runs their own training
        status = ParticipantStatus.REGISTERED;
        limits = event.limits();
        training = true;
        ownStart = true;
        countdownSeconds = event.countdownSeconds();
        ghostConsent = event.ghostConsent();
    }

    @EventSourcingHandler
    void on(OwnStartAllowed event) {
        ownStart = true;
        ownStartUntil = event.until();
        countdownSeconds = event.countdownSeconds();
    }

    @EventSourcingHandler
    void on(OwnCountdownStarted event) {
        countdownTo = event.startsAt();
    }

    @EventSourcingHandler
    void on(GhostConsentChanged event) {
        ghostConsent = event.allowed();
    }

    @EventSourcingHandler
    void on(InactivityWarned event) {
        warnedSilentSince = event.silentSince();
    }

    @EventSourcingHandler
    void on(ParticipantReady event) {
        status = ParticipantStatus.READY;
        remember(event.messageId());
    }

    @EventSourcingHandler
    void on(RunBegun event) {
        status = ParticipantStatus.PLAYING;
        runNumber++;
        lastProgressAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(StatusCheckpointed event, @Timestamp Instant at) {
        lastProgressAt = at;
        igtMs = event.igtMs();
        lastCheckpointIgtMs = event.igtMs();
        deathCount = event.deathCount();
        remember(event.messageId());
    }

    @EventSourcingHandler
    void on(ZoneEntered event, @Timestamp Instant at) {
        lastProgressAt = at;
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
        countdownTo = null;
        lastProgressAt = null;
        warnedSilentSince = null;
    }

    @EventSourcingHandler
    void on(ParticipantClosed event) {
        closedBy = event.reason();
    }
}
