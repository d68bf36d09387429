package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.race.RaceCommands.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.speedfog.racing.command.common.ErrorCodes.*;
import static com.speedfog.racing.domain.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

class RaceTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Actor ORGANIZER = Actor.organizer("org-1");
    static final Actor OTHER_ORGANIZER = Actor.organizer("org-2");
    static final Actor ADMIN = Actor.admin("admin-1");
    static final Actor PLAYER_A = Actor.user("user-a");
    static final Actor PLAYER_B = Actor.user("user-b");
    static final RaceConfig CONFIG = new RaceConfig(true, 2, 10, true, true);
    static final RaceConfig CLOSED_REGISTRATION = new RaceConfig(true, 2, 10, true, false);

    AggregateTestFixture<Race> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Race.class);
    }

    static RaceCreated created(RaceConfig config) {
        return new RaceCreated(RACE, "Sunday race", "org-1", "standard", "seed-1", config);
    }

    static RaceCreated created() {
        return created(CONFIG);
    }

    static ParticipantRegistered registeredA() {
        return new ParticipantRegistered(RACE, P1, "user-a", "Alice", false);
    }

    Instant inOneMinute() {
        return fixture.currentTime().plusSeconds(60);
    }

    @Nested
    class Create {
        @Test
        void anOrganizerCreatesADraft() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "  Sunday race ", "standard", "seed-1", CONFIG, ORGANIZER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created());
        }

        @Test
        void aPlainUserMayNotCreate() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Sunday race", "standard", "seed-1", CONFIG, PLAYER_A))
                    .expectException(violation(ORGANIZER_ROLE_REQUIRED)).expectNoEvents();
        }

        @Test
        void aNameWithMarkupIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "<script>", "standard", "seed-1", CONFIG, ORGANIZER))
                    .expectException(violation(INVALID_NAME)).expectNoEvents();
        }

        @Test
        void aBlankOrOverlongNameIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, " ", "standard", "seed-1", CONFIG, ORGANIZER))
                    .expectException(violation(INVALID_NAME));
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "x".repeat(101), "standard", "seed-1", CONFIG, ORGANIZER))
                    .expectException(violation(INVALID_NAME));
        }

        @Test
        void anUnusableConfigIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Race", "standard", "seed-1", new RaceConfig(true, 0, 10, true, false), ORGANIZER))
                    .expectException(violation(INVALID_CONFIG));
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Race", "standard", "seed-1", new RaceConfig(true, 4, 1, true, false), ORGANIZER))
                    .expectException(violation(INVALID_CONFIG));
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Race", "standard", "seed-1", null, ORGANIZER))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void aRaceNeedsASeed() {
            fixture.givenNoPriorActivity()
                    .when(new CreateRace(RACE, "Race", "standard", " ", CONFIG, ORGANIZER))
                    .expectException(violation(INVALID_CONFIG));
        }
    }

    @Nested
    class Open {
        @Test
        void theOrganizerOpensADraft() {
            fixture.given(created()).when(new OpenRace(RACE, ORGANIZER)).expectEvents(new RaceOpened(RACE));
        }

        @Test
        void anAdminMayActForTheOrganizer() {
            fixture.given(created()).when(new OpenRace(RACE, ADMIN)).expectEvents(new RaceOpened(RACE));
        }

        @Test
        void anotherOrganizerMayNot() {
            fixture.given(created()).when(new OpenRace(RACE, OTHER_ORGANIZER))
                    .expectException(violation(NOT_ORGANIZER)).expectNoEvents();
        }

        @Test
        void onlyADraftOpens() {
            fixture.given(created(), new RaceOpened(RACE)).when(new OpenRace(RACE, ORGANIZER))
                    .expectException(violation(RACE_NOT_DRAFT));
        }
    }

    @Nested
    class Update {
        @Test
        void renamesAndChangesOptions() {
            RaceConfig bigger = new RaceConfig(false, 8, 30, false, true);
            fixture.given(created()).when(new UpdateRace(RACE, "Monday race", bigger, ORGANIZER))
                    .expectEvents(new RaceUpdated(RACE, "Monday race", bigger));
        }

        @Test
        void keepsWhatIsNotGiven() {
            fixture.given(created()).when(new UpdateRace(RACE, null, null, ORGANIZER))
                    .expectEvents(new RaceUpdated(RACE, "Sunday race", CONFIG));
        }

        @Test
        void cannotShrinkBelowTheRoster() {
            fixture.given(created(), registeredA(), new ParticipantRegistered(RACE, P2, "user-b", "Bob", false))
                    .when(new UpdateRace(RACE, null, new RaceConfig(true, 1, 10, true, true), ORGANIZER))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void notAfterTheStart() {
            fixture.given(created(), registeredA(), new RaceStartScheduled(RACE, Instant.parse("2030-01-01T00:00:00Z")))
                    .when(new UpdateRace(RACE, "x", null, ORGANIZER))
                    .expectException(violation(RACE_NOT_EDITABLE));
        }

        @Test
        void onlyByTheOrganizer() {
            fixture.given(created()).when(new UpdateRace(RACE, "x", null, PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }
    }

    @Nested
    class Roster {
        @Test
        void theOrganizerRegistersAPlayerInADraft() {
            fixture.given(created())
                    .when(new RegisterParticipant(RACE, P1, "user-a", "Alice", ORGANIZER))
                    .expectEvents(registeredA());
        }

        @Test
        void aUserIsNeverTwiceInARace() {
            fixture.given(created(), registeredA())
                    .when(new RegisterParticipant(RACE, P2, "user-a", "Alice", ORGANIZER))
                    .expectException(violation(ALREADY_REGISTERED));
        }

        @Test
        void theRosterIsLimited() {
            fixture.given(created(), registeredA(), new ParticipantRegistered(RACE, P2, "user-b", "Bob", false))
                    .when(new RegisterParticipant(RACE, UUID.randomUUID(), "user-c", "Cid", ORGANIZER))
                    .expectException(violation(RACE_FULL));
        }

        @Test
        void onlyTheOrganizerRegistersOthers() {
            fixture.given(created())
                    .when(new RegisterParticipant(RACE, P1, "user-a", "Alice", PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void aDisplayNameWithMarkupIsRefused() {
            fixture.given(created())
                    .when(new RegisterParticipant(RACE, P1, "user-a", "<b>Alice</b>", ORGANIZER))
                    .expectException(violation(INVALID_NAME));
        }

        @Test
        void noRegistrationOnceStarted() {
            fixture.given(created(), registeredA(), new RaceOpened(RACE), new RaceStartScheduled(RACE, Instant.parse("2030-01-01T00:00:00Z")),
                            new RaceStarted(RACE, Instant.parse("2030-01-01T00:00:00Z")))
                    .when(new RegisterParticipant(RACE, P2, "user-b", "Bob", ORGANIZER))
                    .expectException(violation(RACE_NOT_EDITABLE));
        }

        @Test
        void aPlayerJoinsAnOpenRaceWithOpenRegistration() {
            fixture.given(created(), new RaceOpened(RACE))
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectEvents(new ParticipantRegistered(RACE, P2, "user-b", "Bob", true));
        }

        @Test
        void joiningNeedsOpenRegistration() {
            fixture.given(created(CLOSED_REGISTRATION), new RaceOpened(RACE))
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectException(violation(REGISTRATION_CLOSED));
        }

        @Test
        void joiningNeedsAnOpenRace() {
            fixture.given(created())
                    .when(new JoinRace(RACE, P2, "Bob", PLAYER_B))
                    .expectException(violation(REGISTRATION_CLOSED));
        }

        @Test
        void joiningTwiceIsRefused() {
            fixture.given(created(), new RaceOpened(RACE), new ParticipantRegistered(RACE, P2, "user-b", "Bob", true))
                    .when(new JoinRace(RACE, UUID.randomUUID(), "Bob", PLAYER_B))
                    .expectException(violation(ALREADY_REGISTERED));
        }

        @Test
        void aPlayerLeaves() {
            fixture.given(created(), new RaceOpened(RACE), new ParticipantRegistered(RACE, P2, "user-b", "Bob", true))
                    .when(new LeaveRace(RACE, PLAYER_B))
                    .expectEvents(new ParticipantRemoved(RACE, P2, "user-b", RemovalReason.LEFT));
        }

        @Test
        void leavingARaceOneIsNotInIsRefused() {
            fixture.given(created(), new RaceOpened(RACE))
                    .when(new LeaveRace(RACE, PLAYER_B))
                    .expectException(violation(NOT_REGISTERED));
        }

        @Test
        void leavingNeedsOpenRegistration() {
            fixture.given(created(CLOSED_REGISTRATION), new RaceOpened(RACE), registeredA())
                    .when(new LeaveRace(RACE, PLAYER_A))
                    .expectException(violation(REGISTRATION_CLOSED));
        }

        @Test
        void theOrganizerRemovesAPlayer() {
            fixture.given(created(), registeredA())
                    .when(new RemoveParticipant(RACE, P1, ORGANIZER))
                    .expectEvents(new ParticipantRemoved(RACE, P1, "user-a", RemovalReason.REMOVED_BY_ORGANIZER));
        }

        @Test
        void removingAnUnknownParticipantIsRefused() {
            fixture.given(created()).when(new RemoveParticipant(RACE, P1, ORGANIZER))
                    .expectException(violation(NOT_REGISTERED));
        }

        @Test
        void removingIsTheOrganizers() {
            fixture.given(created(), registeredA()).when(new RemoveParticipant(RACE, P1, PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void aRemovedPlayerMayBeAddedAgain() {
            fixture.given(created(), registeredA(), new ParticipantRemoved(RACE, P1, "user-a", RemovalReason.REMOVED_BY_ORGANIZER))
                    .when(new RegisterParticipant(RACE, P2, "user-a", "Alice", ORGANIZER))
                    .expectEvents(new ParticipantRegistered(RACE, P2, "user-a", "Alice", false));
        }
    }

    @Nested
    class Start {
        @Test
        void schedulingStartsTheCountdownAndADeadline() {
            Instant at = inOneMinute();
            fixture.given(created(), registeredA(), new RaceOpened(RACE))
                    .when(new ScheduleStart(RACE, at, ORGANIZER))
                    .expectEvents(new RaceStartScheduled(RACE, at))
                    .expectScheduledDeadlineWithName(Duration.ofSeconds(60), Race.START_DEADLINE);
        }

        @Test
        void theDeadlineStartsTheRace() {
            Instant at = inOneMinute();
            fixture.given(created(), registeredA(), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at)
                    .expectDeadlinesMet(new StartDue(at))
                    .expectEvents(new RaceStarted(RACE, at));
        }

        @Test
        void aMovedStartIgnoresTheEarlierDeadline() {
            Instant first = inOneMinute();
            Instant later = first.plusSeconds(60);
            fixture.given(created(), registeredA(), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, first, ORGANIZER), new ScheduleStart(RACE, later, ORGANIZER))
                    .whenThenTimeAdvancesTo(first.plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void aCancelledCountdownNeverStarts() {
            Instant at = inOneMinute();
            fixture.given(created(), registeredA(), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER), new CancelCountdown(RACE, ORGANIZER))
                    .whenThenTimeAdvancesTo(at.plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void aStartMayBeScheduledBeforeAnyoneJoined() {
            Instant at = inOneMinute();
            fixture.given(created(), new RaceOpened(RACE))
                    .when(new ScheduleStart(RACE, at, ORGANIZER))
                    .expectEvents(new RaceStartScheduled(RACE, at));
        }

        @Test
        void aStartWithNobodyRegisteredFallsBackToOpen() {
            Instant at = inOneMinute();
            fixture.given(created(), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at)
                    .expectEvents(new RaceCountdownCancelled(RACE));
        }

        @Test
        void aStartInThePastIsRefused() {
            fixture.given(created(), registeredA())
                    .when(new ScheduleStart(RACE, fixture.currentTime().minusSeconds(1), ORGANIZER))
                    .expectException(violation(START_IN_PAST));
        }

        @Test
        void onlyTheOrganizerStarts() {
            fixture.given(created(), registeredA())
                    .when(new ScheduleStart(RACE, inOneMinute(), PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void aRunningRaceCannotBeScheduledAgain() {
            fixture.given(created(), registeredA(), new RaceStartScheduled(RACE, Instant.EPOCH), new RaceStarted(RACE, Instant.EPOCH))
                    .when(new ScheduleStart(RACE, inOneMinute(), ORGANIZER))
                    .expectException(violation(RACE_ALREADY_STARTED));
        }

        @Test
        void aCancelledRaceCannotBeScheduled() {
            fixture.given(created(), registeredA(), new RaceCancelled(RACE, RaceStatus.DRAFT))
                    .when(new ScheduleStart(RACE, inOneMinute(), ORGANIZER))
                    .expectException(violation(RACE_CLOSED));
        }

        @Test
        void cancellingTheCountdownReopens() {
            fixture.given(created(), registeredA(), new RaceStartScheduled(RACE, inOneMinute()))
                    .when(new CancelCountdown(RACE, ORGANIZER))
                    .expectEvents(new RaceCountdownCancelled(RACE));
        }

        @Test
        void cancellingWithoutCountdownIsRefused() {
            fixture.given(created(), registeredA())
                    .when(new CancelCountdown(RACE, ORGANIZER))
                    .expectException(violation(NO_COUNTDOWN));
        }

        @Test
        void cancellingTheCountdownIsTheOrganizers() {
            fixture.given(created(), registeredA(), new RaceStartScheduled(RACE, inOneMinute()))
                    .when(new CancelCountdown(RACE, PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void aRunStartsAtTheRacesStartOnlyForItsRosterAndOnlyWhileItRuns() {
            Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
            fixture.given(created(), registeredA(), new RaceStartScheduled(RACE, t0), new RaceStarted(RACE, t0))
                    .when(new CancelRace(RACE, ORGANIZER))
                    .expectState(race -> {
                        // cancelled now: no run begins at GO any more
                        assertThat(race.startOfRunFor(P1)).isEmpty();
                    });
            fixture.given(created(), registeredA(), new RaceStartScheduled(RACE, t0), new RaceStarted(RACE, t0))
                    .when(new FinishRace(RACE, ORGANIZER))
                    .expectState(race -> assertThat(race.startOfRunFor(P1)).isEmpty());
            Instant at = inOneMinute();
            fixture.given(created(), registeredA(), new RaceOpened(RACE))
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                    .whenThenTimeAdvancesTo(at)
                    .expectEvents(new RaceStarted(RACE, at))
                    .expectState(race -> {
                        assertThat(race.startOfRunFor(P1)).contains(at);
                        assertThat(race.startOfRunFor(P2)).isEmpty(); // not on the roster
                    });
        }
    }

    @Nested
    class FinishResetRerollCancel {
        final Instant t0 = Instant.parse("2030-01-01T00:00:00Z");

        Object[] running() {
            return new Object[]{created(), registeredA(), new RaceStartScheduled(RACE, t0), new RaceStarted(RACE, t0)};
        }

        @Test
        void everyoneDoneFinishesAutomatically() {
            fixture.given(running()).when(new FinishRace(RACE, Actor.system()))
                    .expectEvents(new RaceFinished(RACE, null));
        }

        @Test
        void theOrganizerForcesTheFinish() {
            fixture.given(running()).when(new FinishRace(RACE, ORGANIZER))
                    .expectEvents(new RaceFinished(RACE, "org-1"));
        }

        @Test
        void onlyARunningRaceFinishes() {
            fixture.given(created()).when(new FinishRace(RACE, ORGANIZER))
                    .expectException(violation(RACE_NOT_RUNNING));
        }

        @Test
        void finishingIsTheOrganizers() {
            fixture.given(running()).when(new FinishRace(RACE, PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void aFinishedRaceResetsToOpen() {
            fixture.given(running()).andGiven(new RaceFinished(RACE, null))
                    .when(new ResetRace(RACE, ORGANIZER))
                    .expectEvents(new RaceReset(RACE));
        }

        @Test
        void aRunningRaceResets() {
            fixture.given(running()).when(new ResetRace(RACE, ORGANIZER)).expectEvents(new RaceReset(RACE));
        }

        @Test
        void aDraftCannotBeReset() {
            fixture.given(created()).when(new ResetRace(RACE, ORGANIZER))
                    .expectException(violation(RACE_NOT_RESETTABLE));
        }

        @Test
        void resettingIsTheOrganizers() {
            fixture.given(running()).when(new ResetRace(RACE, PLAYER_A)).expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void theSeedIsRerolledBeforeTheStart() {
            fixture.given(created()).when(new RerollSeed(RACE, "seed-2", ORGANIZER))
                    .expectEvents(new SeedRerolled(RACE, "seed-1", "seed-2"));
        }

        @Test
        void aRerollNeedsAnotherSeed() {
            fixture.given(created()).when(new RerollSeed(RACE, "seed-1", ORGANIZER))
                    .expectException(violation(INVALID_CONFIG));
        }

        @Test
        void noRerollAfterTheStart() {
            fixture.given(running()).when(new RerollSeed(RACE, "seed-2", ORGANIZER))
                    .expectException(violation(RACE_ALREADY_STARTED));
        }

        @Test
        void rerollingIsTheOrganizers() {
            fixture.given(created()).when(new RerollSeed(RACE, "seed-2", PLAYER_A))
                    .expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void aRaceIsCancelled() {
            fixture.given(running()).when(new CancelRace(RACE, ORGANIZER))
                    .expectEvents(new RaceCancelled(RACE, RaceStatus.RUNNING));
        }

        @Test
        void aCancelledCountdownDeadlineDoesNothing() {
            Instant at = inOneMinute();
            fixture.given(created(), registeredA())
                    .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER), new CancelRace(RACE, ORGANIZER))
                    .whenThenTimeAdvancesTo(at.plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void aFinishedRaceCannotBeCancelled() {
            fixture.given(running()).andGiven(new RaceFinished(RACE, null))
                    .when(new CancelRace(RACE, ORGANIZER))
                    .expectException(violation(RACE_CLOSED));
        }

        @Test
        void cancellingIsTheOrganizers() {
            fixture.given(created()).when(new CancelRace(RACE, PLAYER_A)).expectException(violation(NOT_ORGANIZER));
        }
    }
}
