package com.speedfog.racing.domain.participant;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import com.speedfog.racing.command.participant.SoloCommands.*;
import com.speedfog.racing.command.participant.SoloEvents.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.speedfog.racing.command.common.ErrorCodes.*;
import static com.speedfog.racing.domain.RuleViolationMatcher.violation;

/** A training run: one player on a seed, no race, no organizer; their own countdown; a time limit. */
// A deadline handler that reschedules itself in the past would spin the stub deadline manager forever.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrainingRunTest {

    static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000cc");
    static final Actor PLAYER = Actor.user("user-a");
    static final Actor STRANGER = Actor.user("user-z");
    static final PlayLimits LIMITS = new PlayLimits(Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofMinutes(5));

    AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    static StartTrainingRun start() {
        return new StartTrainingRun(RUN, "standard", "standard/seed_1", "Alice", true, 10, LIMITS, PLAYER);
    }

    static TrainingRunCreated created() {
        return new TrainingRunCreated(RUN, RUN, "user-a", "Alice", "standard", "standard/seed_1", true, 10, LIMITS);
    }

    @Nested
    class Starting {
        @Test
        void aPlayerStartsATrainingRunStoredUnderItsOwnId() {
            fixture.givenNoPriorActivity().when(start())
                    .expectEvents(created())
                    .expectScheduledDeadlineWithName(Duration.ofHours(6), Participant.RUN_LIMIT_DEADLINE);
        }

        @Test
        void aPlainUserMayTrain() {
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, "standard", "standard/seed_1", "Alice", false, 10, PlayLimits.none(), PLAYER))
                    .expectEvents(new TrainingRunCreated(RUN, RUN, "user-a", "Alice", "standard", "standard/seed_1", false, 10,
                            PlayLimits.none()))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void thePlatformDoesNotTrain() {
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, "standard", "s", "Alice", true, 10, LIMITS, Actor.system()))
                    .expectException(violation(NOT_YOUR_PARTICIPATION)).expectNoEvents();
        }

        @Test
        void badInputIsRefusedAndStoresNothing() {
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, " ", "s", "Alice", true, 10, LIMITS, PLAYER))
                    .expectException(violation(INVALID_CONFIG)).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, "standard", null, "Alice", true, 10, LIMITS, PLAYER))
                    .expectException(violation(INVALID_CONFIG)).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, "standard", "s", "<b>", true, 10, LIMITS, PLAYER))
                    .expectException(violation(INVALID_NAME)).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, "standard", "s", "Alice", true, 2, LIMITS, PLAYER))
                    .expectException(violation(INVALID_CONFIG)).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new StartTrainingRun(RUN, "standard", "s", "Alice", true, 10,
                            new PlayLimits(Duration.ofSeconds(5), null, null), PLAYER))
                    .expectException(violation(INVALID_CONFIG)).expectNoEvents();
        }
    }

    @Nested
    class Countdown {
        @Test
        void thePlayerStartsTheirCountdown() {
            Instant go = fixture.currentTime().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
            fixture.given(created()).when(new StartOwnRun(RUN, PLAYER))
                    .expectEvents(new OwnCountdownStarted(RUN, RUN, go))
                    .expectScheduledDeadline(go, new OwnStartDue(go));
        }

        @Test
        void theRunBeginsWhenItEnds() {
            Instant go = fixture.currentTime().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
            fixture.given(created()).andGivenCommands(new StartOwnRun(RUN, PLAYER))
                    .whenThenTimeElapses(Duration.ofSeconds(10))
                    .expectDeadlinesMet(new OwnStartDue(go))
                    .expectEvents(new RunBegun(RUN, RUN, go));
        }

        @Test
        void aMessageAtGoBeginsTheRunBeforeTheDeadlineFires() {
            fixture.given(created(), new OwnCountdownStarted(RUN, RUN, fixture.currentTime()))
                    .when(new ReportStatus(RUN, 500, 1, "m1"))
                    .expectEvents(new RunBegun(RUN, RUN, fixture.currentTime()),
                            new StatusCheckpointed(RUN, RUN, 500, 1, "m1"));
        }

        @Test
        void aMessageBeforeGoIsRefused() {
            fixture.given(created(), new OwnCountdownStarted(RUN, RUN, fixture.currentTime().plusSeconds(5)))
                    .when(new ReportStatus(RUN, 500, 1, "m1"))
                    .expectException(violation(RACE_NOT_RUNNING)).expectNoEvents();
        }

        @Test
        void onlyThePlayerStartsIt() {
            fixture.given(created()).when(new StartOwnRun(RUN, STRANGER))
                    .expectException(violation(NOT_YOUR_PARTICIPATION));
        }

        @Test
        void notTwice() {
            fixture.given(created(), new OwnCountdownStarted(RUN, RUN, fixture.currentTime().plusSeconds(5)))
                    .when(new StartOwnRun(RUN, PLAYER))
                    .expectException(violation(COUNTDOWN_RUNNING));
            fixture.given(created(), new OwnCountdownStarted(RUN, RUN, fixture.currentTime()),
                            new RunBegun(RUN, RUN, fixture.currentTime()))
                    .when(new StartOwnRun(RUN, PLAYER))
                    .expectException(violation(ALREADY_RUNNING));
        }
    }

    @Nested
    class Ending {
        @Test
        void theRunFinishesLikeAnyRun() {
            Instant go = fixture.currentTime();
            fixture.given(created(), new OwnCountdownStarted(RUN, RUN, go), new RunBegun(RUN, RUN, go))
                    .when(new FinishRun(RUN, 3_600_000, "f"))
                    .expectEvents(new ParticipantFinished(RUN, RUN, 3_600_000, 0, "f"));
        }

        @Test
        void aRunNeverStartedClosesAtItsTimeLimit() {
            fixture.givenNoPriorActivity().andGivenCommands(start())
                    .whenThenTimeElapses(Duration.ofHours(6))
                    .expectEvents(new ParticipantClosed(RUN, RUN, CloseReason.TIME_LIMIT, ParticipantStatus.REGISTERED));
        }

        @Test
        void aSilentTrainingRunIsAbandonedLongBeforeItsLimit() {
            Instant go = fixture.currentTime().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
            fixture.givenNoPriorActivity()
                    .andGivenCommands(start(), new StartOwnRun(RUN, PLAYER))
                    .whenThenTimeElapses(Duration.ofHours(6))
                    .expectEvents(new RunBegun(RUN, RUN, go), new InactivityWarned(RUN, RUN, go, go.plus(Duration.ofMinutes(30))),
                            new ParticipantAbandoned(RUN, RUN, 0, "system", AbandonReason.INACTIVE));
        }

        @Test
        void aRunningRunIsClosedAtItsLimitCountedFromItsStart() {
            Instant go = fixture.currentTime().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
            PlayLimits noInactivity = new PlayLimits(Duration.ofHours(6), null, null);
            fixture.givenNoPriorActivity()
                    .andGivenCommands(new StartTrainingRun(RUN, "standard", "standard/seed_1", "Alice", true, 10, noInactivity, PLAYER),
                            new StartOwnRun(RUN, PLAYER))
                    .whenThenTimeAdvancesTo(go.plus(Duration.ofHours(6)))
                    .expectEvents(new RunBegun(RUN, RUN, go),
                            new ParticipantClosed(RUN, RUN, CloseReason.TIME_LIMIT, ParticipantStatus.PLAYING));
        }

        @Test
        void thePlayerMayGiveUpBeforeTheStart() {
            fixture.given(created()).when(new Abandon(RUN, PLAYER))
                    .expectEvents(new ParticipantAbandoned(RUN, RUN, 0, "user-a", AbandonReason.QUIT));
        }

        @Test
        void butNotTwice() {
            fixture.given(created(), new ParticipantAbandoned(RUN, RUN, 0, "user-a", AbandonReason.QUIT))
                    .when(new Abandon(RUN, PLAYER))
                    .expectException(violation(PARTICIPANT_DONE));
        }
    }

    @Nested
    class Ghosts {
        @Test
        void thePlayerTakesTheirConsentBack() {
            fixture.given(created()).when(new SetGhostConsent(RUN, false, PLAYER))
                    .expectEvents(new GhostConsentChanged(RUN, RUN, false));
        }

        @Test
        void givingTheSameAnswerChangesNothing() {
            fixture.given(created()).when(new SetGhostConsent(RUN, true, PLAYER)).expectNoEvents();
        }

        @Test
        void onlyThePlayerDecides() {
            fixture.given(created()).when(new SetGhostConsent(RUN, false, STRANGER))
                    .expectException(violation(NOT_YOUR_PARTICIPATION));
        }

        @Test
        void aRacePlayerMayOfferTheirRunToo() {
            UUID p = UUID.randomUUID();
            UUID race = UUID.randomUUID();
            fixture.given(new ParticipantCreated(p, race, "user-a", "Alice", "org-1"))
                    .when(new SetGhostConsent(p, true, PLAYER))
                    .expectEvents(new GhostConsentChanged(p, race, true));
        }
    }
}
