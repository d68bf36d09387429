package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantAbandoned;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantDisqualified;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantFinished;
import com.speedfog.racing.command.race.RaceCommands.FinishRace;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceStatus;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

class RaceSagaTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Instant GO = Instant.parse("2030-01-01T00:00:00Z");

    SagaTestFixture<RaceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RaceSaga.class);
    }

    static RaceCreated created() {
        return new RaceCreated(RACE, "Race", "org-1", "standard", "seed-1", RaceConfig.defaults());
    }

    static ParticipantRegistered registered(UUID id, String user) {
        return new ParticipantRegistered(RACE, id, user, user, false);
    }

    @Test
    void aRaceStartsTheSaga() {
        fixture.givenNoPriorActivity().whenAggregate(RACE.toString()).publishes(created())
                .expectActiveSagas(1).expectNoDispatchedCommands();
    }

    @Test
    void registrationCreatesTheParticipant() {
        fixture.givenAggregate(RACE.toString()).published(created())
                .whenAggregate(RACE.toString()).publishes(registered(P1, "user-a"))
                .expectDispatchedCommands(new CreateParticipant(P1, RACE, "user-a", "user-a", "org-1"));
    }

    @Test
    void aRemovedPlayerIsClosed() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"))
                .whenAggregate(RACE.toString()).publishes(new ParticipantRemoved(RACE, P1, "user-a", RemovalReason.LEFT))
                .expectDispatchedCommands(new CloseParticipant(P1, CloseReason.REMOVED));
    }

    @Test
    void theStartBeginsEveryRun() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), registered(P2, "user-b"))
                .whenAggregate(RACE.toString()).publishes(new RaceStarted(RACE, GO))
                .expectDispatchedCommands(new BeginRun(P1, GO), new BeginRun(P2, GO));
    }

    @Test
    void theRaceFinishesWhenEveryRunIsDone() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), registered(P2, "user-b"),
                        new RaceStarted(RACE, GO))
                .andThenAggregate(P1.toString()).published(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .whenAggregate(P2.toString()).publishes(new ParticipantAbandoned(P2, RACE, 500, "user-b"))
                .expectDispatchedCommands(new FinishRace(RACE, Actor.system()));
    }

    @Test
    void notWhileSomeoneIsStillRunning() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), registered(P2, "user-b"),
                        new RaceStarted(RACE, GO))
                .whenAggregate(P1.toString()).publishes(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .expectNoDispatchedCommands();
    }

    @Test
    void aDisqualificationCountsAsDone() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), new RaceStarted(RACE, GO))
                .whenAggregate(P1.toString()).publishes(new ParticipantDisqualified(P1, RACE, "x", "org-1"))
                .expectDispatchedCommands(new FinishRace(RACE, Actor.system()));
    }

    @Test
    void aForcedFinishClosesThoseStillRunning() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), registered(P2, "user-b"),
                        new RaceStarted(RACE, GO))
                .andThenAggregate(P1.toString()).published(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .whenAggregate(RACE.toString()).publishes(new RaceFinished(RACE, "org-1"))
                .expectDispatchedCommands(new CloseParticipant(P2, CloseReason.RACE_FINISHED));
    }

    @Test
    void aResetReachesEveryParticipantAndTheRaceCanFinishAgain() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), new RaceStarted(RACE, GO))
                .andThenAggregate(P1.toString()).published(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .andThenAggregate(RACE.toString()).published(new RaceFinished(RACE, null))
                .whenAggregate(RACE.toString()).publishes(new RaceReset(RACE))
                .expectDispatchedCommands(new ResetParticipant(P1));
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), new RaceStarted(RACE, GO))
                .andThenAggregate(P1.toString()).published(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .andThenAggregate(RACE.toString()).published(new RaceFinished(RACE, null), new RaceReset(RACE),
                        new RaceStarted(RACE, GO.plusSeconds(60)))
                .whenAggregate(P1.toString()).publishes(new ParticipantFinished(P1, RACE, 900, 0, "f2"))
                .expectDispatchedCommands(new FinishRace(RACE, Actor.system()));
    }

    @Test
    void aCancelClosesEveryoneAndEndsTheSaga() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"))
                .whenAggregate(RACE.toString()).publishes(new RaceCancelled(RACE, RaceStatus.OPEN))
                .expectDispatchedCommands(new CloseParticipant(P1, CloseReason.RACE_CANCELLED))
                .expectActiveSagas(0);
    }
}
