package com.speedfog.racing.domain.race;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.ErrorCodes;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.common.RuleViolation;
import com.speedfog.racing.command.race.RaceCommands.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceFormat;
import com.speedfog.racing.command.race.RaceStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A race: its options, its roster and its state machine. The start is a deadline, so a restart never
 * loses a scheduled start; so is the close (an async race's window, a live race's time limit).
 */
@Aggregate(snapshotTriggerDefinition = "raceSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Race {

    static final String START_DEADLINE = "race-start";
    static final String CLOSE_DEADLINE = "race-close";
    static final int MAX_NAME_LENGTH = 100;
    /** How late the start deadline may fire (polling, load) and still count as on time. */
    public static final java.time.Duration START_GRACE = java.time.Duration.ofSeconds(5);

    @AggregateIdentifier
    private UUID raceId;
    private String organizerId;
    private String name;
    private RaceStatus status;
    private RaceConfig config;
    private String seedId;
    /** participant id → user id, in registration order. */
    private Map<UUID, String> roster = new LinkedHashMap<>();
    /** The start the countdown runs to; a start deadline for any other instant is stale and ignored. */
    private Instant scheduledStart;
    private RaceFormat format;
    private PlayLimits limits;
    /** While running: when the race closes by itself (window, time limit); a close deadline for another instant is stale. */
    private Instant closesAt;
    /** When the running race started (null before; a snapshot from before this field also has null). */
    private Instant startedAt;

    protected Race() {
        // for Axon
    }

    @CommandHandler
    public Race(CreateRace command) {
        if (!command.actor().mayOrganize()) {
            throw RuleViolation.forbidden(ErrorCodes.ORGANIZER_ROLE_REQUIRED, "only organizers may create races");
        }
        String name = RaceNames.check(command.name());
        checkConfig(command.config());
        if (command.seedId() == null || command.seedId().isBlank()) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, "a race needs a seed");
        }
        RaceFormat format = RaceFormat.orLive(command.format());
        PlayLimits limits = command.limits() == null ? PlayLimits.none() : command.limits();
        String problem = format.problem() != null ? format.problem() : limits.problem();
        if (problem != null) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, problem);
        }
        apply(new RaceCreated(command.raceId(), name, command.actor().userId(), command.poolName(),
                command.seedId(), command.config(), format, limits));
    }

    @CommandHandler
    public void handle(OpenRace command) {
        requireOrganizer(command.actor());
        if (status != RaceStatus.DRAFT) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_DRAFT, "only a draft race can be opened (race is " + status + ")");
        }
        apply(new RaceOpened(raceId));
    }

    @CommandHandler
    public void handle(UpdateRace command) {
        requireOrganizer(command.actor());
        requireBeforeStart("change the race");
        String newName = command.name() == null ? name : RaceNames.check(command.name());
        RaceConfig newConfig = command.config() == null ? config : command.config();
        checkConfig(newConfig);
        if (newConfig.maxParticipants() < roster.size()) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, "max_participants (" + newConfig.maxParticipants()
                    + ") is below the " + roster.size() + " players already registered");
        }
        apply(new RaceUpdated(raceId, newName, newConfig));
    }

    @CommandHandler
    public void handle(RegisterParticipant command) {
        requireOrganizer(command.actor());
        if (!lateJoinOpen()) {
            requireBeforeStart("add players");
        }
        admit(command.participantId(), command.userId(), command.displayName(), false);
    }

    @CommandHandler
    public void handle(JoinRace command) {
        requireRegistrationOpen();
        admit(command.participantId(), command.actor().userId(), command.displayName(), true);
    }

    @CommandHandler
    public void handle(LeaveRace command) {
        requireRegistrationOpen();
        UUID participantId = roster.entrySet().stream()
                .filter(e -> e.getValue().equals(command.actor().userId()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> RuleViolation.conflict(ErrorCodes.NOT_REGISTERED, "you are not in this race"));
        apply(new ParticipantRemoved(raceId, participantId, command.actor().userId(), RemovalReason.LEFT));
    }

    @CommandHandler
    public void handle(RemoveParticipant command) {
        requireOrganizer(command.actor());
        requireBeforeStart("remove players");
        String userId = roster.get(command.participantId());
        if (userId == null) {
            throw RuleViolation.conflict(ErrorCodes.NOT_REGISTERED, "no such participant in this race");
        }
        apply(new ParticipantRemoved(raceId, command.participantId(), userId, RemovalReason.REMOVED_BY_ORGANIZER));
    }

    @CommandHandler
    public void handle(ScheduleStart command, DeadlineManager deadlines) {
        requireOrganizer(command.actor());
        if (!status.beforeStart() && status != RaceStatus.COUNTDOWN) {
            throw stateConflict("schedule a start");
        }
        if (command.startAt() == null || command.startAt().isBefore(now())) {
            throw RuleViolation.invalid(ErrorCodes.START_IN_PAST, "the start must be in the future");
        }
        // A moved start leaves the earlier deadline behind: it finds another scheduledStart and does nothing.
        deadlines.schedule(command.startAt(), START_DEADLINE, new StartDue(command.startAt()));
        apply(new RaceStartScheduled(raceId, command.startAt()));
    }

    @CommandHandler
    public void handle(CancelCountdown command) {
        requireOrganizer(command.actor());
        if (status != RaceStatus.COUNTDOWN) {
            throw RuleViolation.conflict(ErrorCodes.NO_COUNTDOWN, "there is no countdown to cancel (race is " + status + ")");
        }
        apply(new RaceCountdownCancelled(raceId));
    }

    /**
     * GO, or an async race's window opening: the scheduled start is due (fired by the deadline manager,
     * also after a restart).
     */
    @DeadlineHandler(deadlineName = START_DEADLINE)
    public void onStartDue(StartDue due, DeadlineManager deadlines) {
        boolean othersMayStillJoin = format().async() && config.openRegistration();
        if (status == RaceStatus.COUNTDOWN && due.startAt().equals(scheduledStart) && roster.isEmpty()
                && !othersMayStillJoin) {
            // A race scheduled ahead with open registration that nobody joined: back to OPEN, not a race of none.
            apply(new RaceCountdownCancelled(raceId));
            return;
        }
        if (status == RaceStatus.COUNTDOWN && due.startAt().equals(scheduledStart)) {
            // Fired within the grace period, the official start is the instant everyone counted down to; a
            // start missed while the server was down happens now.
            Instant now = now();
            boolean late = now.isAfter(scheduledStart.plus(START_GRACE));
            apply(new RaceStarted(raceId, late ? now : scheduledStart));
            if (closesAt != null) {
                deadlines.schedule(closesAt, CLOSE_DEADLINE, new CloseDue(closesAt));
            }
        }
    }

    /** An async race's window closed, or a live race reached its time limit: those still running are DNF. */
    @DeadlineHandler(deadlineName = CLOSE_DEADLINE)
    public void onCloseDue(CloseDue due) {
        if (status == RaceStatus.RUNNING && due.closesAt().equals(closesAt)) {
            apply(new RaceFinished(raceId, null, format().async() ? FinishReason.WINDOW_CLOSED : FinishReason.TIME_LIMIT));
        }
    }

    @CommandHandler
    public void handle(FinishRace command) {
        requireOrganizer(command.actor());
        if (status != RaceStatus.RUNNING) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_RUNNING, "only a running race can finish (race is " + status + ")");
        }
        boolean automatic = command.actor().role() == Actor.Role.SYSTEM;
        apply(automatic ? new RaceFinished(raceId, null, FinishReason.ALL_DONE)
                : new RaceFinished(raceId, command.actor().userId(), FinishReason.FORCED));
    }

    @CommandHandler
    public void handle(ResetRace command) {
        requireOrganizer(command.actor());
        if (status != RaceStatus.COUNTDOWN && status != RaceStatus.RUNNING && status != RaceStatus.FINISHED) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_RESETTABLE,
                    "only a race in countdown, running or finished can be reset (race is " + status + ")");
        }
        if (format().async() && status != RaceStatus.COUNTDOWN) {
            // Players ran at their own times inside the window: there is no common start to go back to.
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_RESETTABLE, "an async race cannot be reset once its window opened");
        }
        apply(new RaceReset(raceId));
    }

    @CommandHandler
    public void handle(RerollSeed command) {
        requireOrganizer(command.actor());
        if (!status.beforeStart()) {
            throw RuleViolation.conflict(ErrorCodes.RACE_ALREADY_STARTED, "the seed can only change before the start");
        }
        if (command.newSeedId() == null || command.newSeedId().isBlank() || command.newSeedId().equals(seedId)) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, "a reroll needs a different seed");
        }
        apply(new SeedRerolled(raceId, seedId, command.newSeedId()));
    }

    @CommandHandler
    public void handle(CancelRace command) {
        requireOrganizer(command.actor());
        if (status.closed()) {
            throw RuleViolation.conflict(ErrorCodes.RACE_CLOSED, "the race is already " + status);
        }
        apply(new RaceCancelled(raceId, status));
    }

    // ---- rules

    private void admit(UUID participantId, String userId, String displayName, boolean selfJoined) {
        if (roster.containsValue(userId)) {
            throw RuleViolation.conflict(ErrorCodes.ALREADY_REGISTERED, "this player is already in the race");
        }
        if (roster.size() >= config.maxParticipants()) {
            throw RuleViolation.conflict(ErrorCodes.RACE_FULL, "the race is full (" + config.maxParticipants() + " players)");
        }
        apply(new ParticipantRegistered(raceId, participantId, userId, RaceNames.check(displayName), selfJoined));
    }

    private void requireOrganizer(Actor actor) {
        if (!actor.mayManage(organizerId)) {
            throw RuleViolation.forbidden(ErrorCodes.NOT_ORGANIZER, "only the race's organizer may do this");
        }
    }

    private void requireBeforeStart(String what) {
        if (!status.beforeStart()) {
            throw RuleViolation.conflict(ErrorCodes.RACE_NOT_EDITABLE, "cannot " + what + " once the race is " + status);
        }
    }

    private void requireRegistrationOpen() {
        if ((status != RaceStatus.OPEN && !lateJoinOpen()) || !config.openRegistration()) {
            throw RuleViolation.conflict(ErrorCodes.REGISTRATION_CLOSED, "this race does not take registrations now");
        }
    }

    /** An async race takes players while its window is open, until the last start. */
    private boolean lateJoinOpen() {
        return format().async() && status == RaceStatus.RUNNING && now().isBefore(lastStart());
    }

    private Instant lastStart() {
        return closesAt.minus(format().lastStartBeforeClose());
    }

    private RuleViolation stateConflict(String what) {
        String code = status.closed() ? ErrorCodes.RACE_CLOSED : ErrorCodes.RACE_ALREADY_STARTED;
        return RuleViolation.conflict(code, "cannot " + what + " when the race is " + status);
    }

    private static void checkConfig(RaceConfig config) {
        if (config == null) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, "the race options are missing");
        }
        String problem = config.problem();
        if (problem != null) {
            throw RuleViolation.invalid(ErrorCodes.INVALID_CONFIG, problem);
        }
    }

    // Snapshots taken before formats and limits existed have neither: those races were live, without limits.
    private RaceFormat format() {
        return RaceFormat.orLive(format);
    }

    private PlayLimits limits() {
        return limits == null ? PlayLimits.none() : limits;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- state

    @EventSourcingHandler
    void on(RaceCreated event) {
        raceId = event.raceId();
        organizerId = event.organizerId();
        name = event.name();
        config = event.config();
        seedId = event.seedId();
        status = RaceStatus.DRAFT;
        format = RaceFormat.orLive(event.format());
        limits = event.limits() == null ? PlayLimits.none() : event.limits();
    }

    @EventSourcingHandler
    void on(RaceOpened event) {
        status = RaceStatus.OPEN;
    }

    @EventSourcingHandler
    void on(RaceUpdated event) {
        name = event.name();
        config = event.config();
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        roster.put(event.participantId(), event.userId());
    }

    @EventSourcingHandler
    void on(ParticipantRemoved event) {
        roster.remove(event.participantId());
    }

    @EventSourcingHandler
    void on(RaceStartScheduled event) {
        status = RaceStatus.COUNTDOWN;
        scheduledStart = event.startAt();
    }

    @EventSourcingHandler
    void on(RaceCountdownCancelled event) {
        status = RaceStatus.OPEN;
        scheduledStart = null;
    }

    @EventSourcingHandler
    void on(RaceStarted event) {
        status = RaceStatus.RUNNING;
        scheduledStart = null;
        closesAt = format().async() ? event.startedAt().plus(format().window())
                : limits().maxDuration() == null ? null : event.startedAt().plus(limits().maxDuration());
        startedAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(RaceFinished event) {
        status = RaceStatus.FINISHED;
        closesAt = null;
    }

    /**
     * The start time of this participant's run at GO, if the race is running and they are on its roster
     * (an async race has no GO: each player starts their own run).
     */
    public Optional<Instant> startOfRunFor(UUID participantId) {
        return status == RaceStatus.RUNNING && roster.containsKey(participantId) && !format().async()
                ? Optional.ofNullable(startedAt) : Optional.empty();
    }

    @EventSourcingHandler
    void on(RaceReset event) {
        status = RaceStatus.OPEN;
        scheduledStart = null;
        closesAt = null;
    }

    @EventSourcingHandler
    void on(SeedRerolled event) {
        seedId = event.newSeedId();
    }

    @EventSourcingHandler
    void on(RaceCancelled event) {
        status = RaceStatus.CANCELLED;
        scheduledStart = null;
        closesAt = null;
    }
}
