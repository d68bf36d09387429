package com.speedfog.racing.domain.race;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantAbandoned;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantCreated;
import com.speedfog.racing.command.participant.SoloCommands.AllowOwnStart;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantDisqualified;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantFinished;
import com.speedfog.racing.command.race.RaceCommands.FinishRace;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceFormat;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps a race and its participants in step: registration creates the participant, the start begins
 * every run (a live race) or lets each player start their own (an async race's window), every run done
 * finishes a live race, reset and cancel reach every participant.
 */
@Saga
@ProcessingGroup(RaceSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RaceSaga {

    public static final String PROCESSING_GROUP = "race-saga";
    private static final Logger log = LoggerFactory.getLogger(RaceSaga.class);
    private static final String RACE_ID = "raceId";

    @Autowired
    private transient CommandGateway commandGateway;

    private UUID raceId;
    private String organizerId;
    private boolean running;
    private Set<UUID> roster = new LinkedHashSet<>();
    private Set<UUID> done = new LinkedHashSet<>();
    /** Null in sagas stored before formats existed: live races without limits. */
    private RaceFormat format;
    private PlayLimits limits;
    private int countdownSeconds;
    /** Participants whose aggregate exists (an own start can only be allowed to an existing one). */
    private Set<UUID> created = new LinkedHashSet<>();
    /** An async race's last start, once its window is open. */
    private Instant lastStart;

    @StartSaga
    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(RaceCreated event) {
        raceId = event.raceId();
        organizerId = event.organizerId();
        format = RaceFormat.orLive(event.format());
        limits = event.limits() == null ? PlayLimits.none() : event.limits();
        countdownSeconds = event.config().countdownSeconds();
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(RaceUpdated event) {
        countdownSeconds = event.config().countdownSeconds();
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(ParticipantRegistered event) {
        roster.add(event.participantId());
        send(new CreateParticipant(event.participantId(), raceId, event.userId(), event.displayName(), organizerId,
                limits == null ? PlayLimits.none() : limits));
    }

    /** A player who joined an async race while its window is open may start at once. */
    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(ParticipantCreated event) {
        created.add(event.participantId());
        if (lastStart != null && running && roster.contains(event.participantId())) {
            send(new AllowOwnStart(event.participantId(), lastStart, countdownSeconds));
        }
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(ParticipantRemoved event) {
        roster.remove(event.participantId());
        done.remove(event.participantId());
        send(new CloseParticipant(event.participantId(), CloseReason.REMOVED));
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(RaceStarted event) {
        running = true;
        RaceFormat format = RaceFormat.orLive(this.format);
        if (format.async()) {
            lastStart = event.startedAt().plus(format.window()).minus(format.lastStartBeforeClose());
            roster.stream().filter(created::contains).forEach(id -> send(new AllowOwnStart(id, lastStart, countdownSeconds)));
        } else {
            roster.forEach(id -> send(new BeginRun(id, event.startedAt())));
        }
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(ParticipantFinished event) {
        runDone(event.participantId());
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(ParticipantAbandoned event) {
        runDone(event.participantId());
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(ParticipantDisqualified event) {
        runDone(event.participantId());
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(RaceFinished event) {
        running = false;
        roster.stream().filter(id -> !done.contains(id))
                .forEach(id -> send(new CloseParticipant(id, CloseReason.RACE_FINISHED)));
    }

    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(RaceReset event) {
        running = false;
        done.clear();
        roster.forEach(id -> send(new ResetParticipant(id)));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RACE_ID)
    public void on(RaceCancelled event) {
        roster.forEach(id -> send(new CloseParticipant(id, CloseReason.RACE_CANCELLED)));
    }

    private void runDone(UUID participantId) {
        if (!roster.contains(participantId) || !done.add(participantId)) {
            return;
        }
        // An async race runs until its window closes: others may still join and start.
        if (running && !RaceFormat.orLive(format).async() && done.containsAll(roster)) {
            running = false;
            send(new FinishRace(raceId, Actor.system()));
        }
    }

    private void send(Object command) {
        // Asynchronous on purpose: a refusal (e.g. a replayed create) must not fail the saga's event handling.
        commandGateway.send(command).exceptionally(failure -> {
            log.warn("race {}: {} was refused: {}", raceId, command.getClass().getSimpleName(), failure.toString());
            return null;
        });
    }
}
