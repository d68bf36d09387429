package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.race.RaceCommands.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceFormat;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.speedfog.racing.command.common.ErrorCodes.*;
import static com.speedfog.racing.domain.RuleViolationMatcher.violation;

/** An async race: a window instead of a GO, late joins until the last start, results when it closes. */
// A deadline handler that reschedules itself in the past would spin the stub deadline manager forever.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncRaceTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Actor ORGANIZER = Actor.organizer("org-1");
    static final Actor PLAYER_B = Actor.user("user-b");
    static final RaceConfig OPEN = new RaceConfig(false, 16, 10, true, true);
    static final RaceConfig INVITE_ONLY = new RaceConfig(false, 16, 10, true, false);
    /** Open 24 hours; the last start an hour before the close. */
    static final RaceFormat DAY = RaceFormat.async(Duration.ofHours(24), Duration.ofHours(1));
    static final PlayLimits LIMITS = new PlayLimits(Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofMinutes(5));

    AggregateTestFixture<Race> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Race.class);
    }

    static RaceCreated created(RaceConfig config) {
        return new RaceCreated(RACE, "Weekend async", "org-1", "standard", "seed-1", config, DAY, LIMITS);
    }

    Instant inOneMinute() {
        return fixture.currentTime().plusSeconds(60);
    }

    @Nested
    class Create {
        @Test
        void anOrganizerCreatesAnAsyncRaceWithItsWindowAndLimits() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Weekend async", "standard", "seed-1", OPEN, ORGANIZER, DAY, LIMITS))
                    .expectEvents(created(OPEN));
        }

        @Test
        void aWindowOutsideItsBoundsIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "x", "standard", "seed-1", OPEN, ORGANIZER,
                            RaceFormat.async(Duration.ofMinutes(5), Duration.ZERO), LIMITS))
                    .expectException(violation(INVALID_CONFIG)).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "x", "standard", "seed-1", OPEN, ORGANIZER,
                            RaceFormat.async(Duration.ofDays(15), Duration.ZERO), LIMITS))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void theLastStartMustFallInsideTheWindow() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "x", "standard", "seed-1", OPEN, ORGANIZER,
                            RaceFormat.async(Duration.ofHours(2), Duration.ofHours(2)), LIMITS))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void aLiveRaceHasNoWindow() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "x", "standard", "seed-1", OPEN, ORGANIZER,
                            new RaceFormat(RaceFormat.Mode.LIVE, Duration.ofHours(2), null, null), LIMITS))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void unusableLimitsAreRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "x", "standard", "seed-1", OPEN, ORGANIZER, DAY,
                            new PlayLimits(null, Duration.ofMinutes(30), Duration.ofMinutes(30))))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void theDailyRaceIsMadeByThePlatformAndIsNotRated() {
            RaceFormat daily = RaceFormat.daily(LocalDate.parse("2030-01-01"), Duration.ofHours(24), Duration.ofHours(1));
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Daily 2030-01-01", "standard", "seed-1", OPEN, Actor.system(), daily, LIMITS))
                    .expectEvents(new RaceCreated(RACE, "Daily 2030-01-01", "system", "standard", "seed-1", OPEN, daily, LIMITS));
            org.assertj.core.api.Assertions.assertThat(daily.rated()).isFalse();
            org.assertj.core.api.Assertions.assertThat(DAY.rated()).isTrue();
        }
    }

    @Nested
    class Window {
        @Test
        void theStartOpensTheWindowAndSchedulesItsClose() {
            Instant at = inOneMinute();
            fixture.given(created(OPEN), new RaceOpened(RACE), new ParticipantRegistered(RACE, P1, "user-a", "Alice", false))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at)
                    .expectEvents(new RaceStarted(RACE, at))
                    .expectScheduledDeadlineWithName(Duration.ofHours(24), Race.CLOSE_DEADLINE);
        }

        @Test
        void anOpenRegistrationWindowOpensEvenBeforeAnyoneJoined() {
            Instant at = inOneMinute();
            fixture.given(created(OPEN), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at)
                    .expectEvents(new RaceStarted(RACE, at));
        }

        @Test
        void anInviteOnlyWindowWithNobodyGoesBackToOpen() {
            Instant at = inOneMinute();
            fixture.given(created(INVITE_ONLY), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at)
                    .expectEvents(new RaceCountdownCancelled(RACE));
        }

        @Test
        void theWindowClosesAfterItsLengthAndTheRaceFinishes() {
            Instant at = inOneMinute();
            fixture.given(created(OPEN), new RaceOpened(RACE), new ParticipantRegistered(RACE, P1, "user-a", "Alice", false))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at.plus(Duration.ofHours(24)))
                    .expectEvents(new RaceStarted(RACE, at), new RaceFinished(RACE, null, FinishReason.WINDOW_CLOSED));
        }

        @Test
        void anAsyncRaceIsNotResetOnceOpen() {
            fixture.given(created(OPEN), new RaceOpened(RACE), new RaceStartScheduled(RACE, Instant.parse("2030-01-01T00:00:00Z")),
                            new RaceStarted(RACE, Instant.parse("2030-01-01T00:00:00Z")))
                    .when(new ResetRace(RACE, ORGANIZER))
                    .expectException(violation(RACE_NOT_RESETTABLE));
        }
    }

    @Nested
    class LateJoin {
        Instant opened() {
            return fixture.currentTime().minus(Duration.ofHours(2));
        }

        @Test
        void aPlayerJoinsWhileTheWindowIsOpen() {
            Instant opened = opened();
            fixture.given(created(OPEN), new RaceOpened(RACE), new RaceStartScheduled(RACE, opened), new RaceStarted(RACE, opened))
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectEvents(new ParticipantRegistered(RACE, P2, "user-b", "Bob", true));
        }

        @Test
        void theOrganizerAddsAPlayerWhileTheWindowIsOpen() {
            Instant opened = opened();
            fixture.given(created(INVITE_ONLY), new RaceOpened(RACE), new RaceStartScheduled(RACE, opened), new RaceStarted(RACE, opened))
                    .when(new RegisterParticipant(RACE, P2, "user-b", "Bob", ORGANIZER))
                    .expectEvents(new ParticipantRegistered(RACE, P2, "user-b", "Bob", false));
        }

        @Test
        void notAfterTheLastStart() {
            Instant opened = fixture.currentTime().minus(Duration.ofHours(23)).minusSeconds(1);
            fixture.given(created(OPEN), new RaceOpened(RACE), new RaceStartScheduled(RACE, opened), new RaceStarted(RACE, opened))
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectException(violation(REGISTRATION_CLOSED));
            fixture.given(created(OPEN), new RaceOpened(RACE), new RaceStartScheduled(RACE, opened), new RaceStarted(RACE, opened))
                    .when(new RegisterParticipant(RACE, P2, "user-b", "Bob", ORGANIZER))
                    .expectException(violation(RACE_NOT_EDITABLE));
        }

        @Test
        void joiningByThemselvesNeedsOpenRegistration() {
            Instant opened = opened();
            fixture.given(created(INVITE_ONLY), new RaceOpened(RACE), new RaceStartScheduled(RACE, opened), new RaceStarted(RACE, opened))
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectException(violation(REGISTRATION_CLOSED));
        }

        @Test
        void aLiveRaceTakesNobodyOnceRunning() {
            Instant started = opened();
            fixture.given(new RaceCreated(RACE, "Live", "org-1", "standard", "seed-1", OPEN), new RaceOpened(RACE),
                            new RaceStartScheduled(RACE, started), new RaceStarted(RACE, started))
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectException(violation(REGISTRATION_CLOSED));
        }
    }
}
