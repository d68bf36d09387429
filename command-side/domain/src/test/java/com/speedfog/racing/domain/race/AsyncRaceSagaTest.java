package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantCreated;
import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantFinished;
import com.speedfog.racing.command.participant.SoloCommands.AllowOwnStart;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceFormat;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The race saga for an async race: the window lets each player start their own run; no early finish. */
class AsyncRaceSagaTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Instant OPENS = Instant.parse("2030-01-01T00:00:00Z");
    /** 24 h window, last start an hour before the close. */
    static final Instant LAST_START = OPENS.plus(Duration.ofHours(23));
    static final PlayLimits LIMITS = new PlayLimits(Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofMinutes(5));
    static final RaceConfig CONFIG = new RaceConfig(false, 16, 15, true, true);

    SagaTestFixture<RaceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RaceSaga.class);
    }

    static RaceCreated created() {
        return new RaceCreated(RACE, "Async", "org-1", "standard", "seed-1", CONFIG,
                RaceFormat.async(Duration.ofHours(24), Duration.ofHours(1)), LIMITS);
    }

    static ParticipantRegistered registered(UUID id, String user) {
        return new ParticipantRegistered(RACE, id, user, user, true);
    }

    static ParticipantCreated participant(UUID id, String user) {
        return new ParticipantCreated(id, RACE, user, user, "org-1", LIMITS);
    }

    @Test
    void participantsGetTheRacesLimits() {
        fixture.givenAggregate(RACE.toString()).published(created())
                .whenAggregate(RACE.toString()).publishes(registered(P1, "user-a"))
                .expectDispatchedCommands(new CreateParticipant(P1, RACE, "user-a", "user-a", "org-1", LIMITS));
    }

    @Test
    void theWindowLetsEveryoneStartUntilTheLastStart() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), registered(P2, "user-b"))
                .andThenAggregate(P1.toString()).published(participant(P1, "user-a"))
                .andThenAggregate(P2.toString()).published(participant(P2, "user-b"))
                .whenAggregate(RACE.toString()).publishes(new RaceStarted(RACE, OPENS))
                .expectDispatchedCommands(new AllowOwnStart(P1, LAST_START, 15), new AllowOwnStart(P2, LAST_START, 15));
    }

    @Test
    void aPlayerWhoJoinsDuringTheWindowMayStartOnceCreated() {
        fixture.givenAggregate(RACE.toString()).published(created(), new RaceStarted(RACE, OPENS), registered(P1, "user-a"))
                .whenAggregate(P1.toString()).publishes(participant(P1, "user-a"))
                .expectDispatchedCommands(new AllowOwnStart(P1, LAST_START, 15));
    }

    @Test
    void everyoneDoneDoesNotFinishTheRaceBeforeTheWindowCloses() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"))
                .andThenAggregate(P1.toString()).published(participant(P1, "user-a"))
                .andThenAggregate(RACE.toString()).published(new RaceStarted(RACE, OPENS))
                .whenAggregate(P1.toString()).publishes(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .expectNoDispatchedCommands();
    }

    @Test
    void theCloseLeavesThoseNotDoneWithoutAResult() {
        fixture.givenAggregate(RACE.toString()).published(created(), registered(P1, "user-a"), registered(P2, "user-b"))
                .andThenAggregate(P1.toString()).published(participant(P1, "user-a"))
                .andThenAggregate(RACE.toString()).published(new RaceStarted(RACE, OPENS))
                .andThenAggregate(P1.toString()).published(new ParticipantFinished(P1, RACE, 1000, 0, "f"))
                .whenAggregate(RACE.toString()).publishes(new RaceFinished(RACE, null, FinishReason.WINDOW_CLOSED))
                .expectDispatchedCommands(new CloseParticipant(P2, CloseReason.RACE_FINISHED));
    }
}
