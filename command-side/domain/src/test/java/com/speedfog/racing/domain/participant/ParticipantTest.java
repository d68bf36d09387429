package com.speedfog.racing.domain.participant;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.speedfog.racing.command.common.ErrorCodes.*;
import static com.speedfog.racing.domain.RuleViolationMatcher.violation;

class ParticipantTest {

    static final UUID P = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final Instant GO = Instant.parse("2030-01-01T00:00:00Z");
    static final Actor PLAYER = Actor.user("user-a");
    static final Actor ORGANIZER = Actor.organizer("org-1");
    static final Actor STRANGER = Actor.user("user-z");

    AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    static ParticipantCreated created() {
        return new ParticipantCreated(P, RACE, "user-a", "Alice", "org-1");
    }

    static Object[] playing(Object... more) {
        Object[] base = {created(), new ParticipantReady(P, RACE, "m-ready"), new RunBegun(P, RACE, GO)};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theRaceSagaCreatesAParticipant() {
        fixture.givenNoPriorActivity()
                .when(new CreateParticipant(P, RACE, "user-a", "Alice", "org-1"))
                .expectEvents(created());
    }

    @Nested
    class ModToken {
        @Test
        void theOrganizerOrThePlayerGetsAToken() {
            fixture.given(created()).when(new AssignModToken(P, "hash-1", ORGANIZER))
                    .expectEvents(new ModTokenAssigned(P, RACE, "hash-1"));
            fixture.given(created()).when(new AssignModToken(P, "hash-2", PLAYER))
                    .expectEvents(new ModTokenAssigned(P, RACE, "hash-2"));
        }

        @Test
        void nobodyElse() {
            fixture.given(created()).when(new AssignModToken(P, "hash-1", STRANGER))
                    .expectException(violation(NOT_YOUR_PARTICIPATION));
        }

        @Test
        void notForARemovedPlayer() {
            fixture.given(created(), new ParticipantClosed(P, RACE, CloseReason.REMOVED, ParticipantStatus.REGISTERED))
                    .when(new AssignModToken(P, "hash-1", ORGANIZER))
                    .expectException(violation(NOT_REGISTERED));
        }
    }

    @Nested
    class Ready {
        @Test
        void aRegisteredPlayerGetsReady() {
            fixture.given(created()).when(new MarkReady(P, "m1"))
                    .expectEvents(new ParticipantReady(P, RACE, "m1")).expectResultMessagePayload(Outcome.APPLIED);
        }

        @Test
        void readyTwiceStoresNothing() {
            fixture.given(created(), new ParticipantReady(P, RACE, "m1")).when(new MarkReady(P, "m2"))
                    .expectNoEvents().expectResultMessagePayload(Outcome.UNCHANGED);
        }

        @Test
        void aRepeatedMessageIdIsADuplicate() {
            fixture.given(created(), new ParticipantReady(P, RACE, "m1")).when(new MarkReady(P, "m1"))
                    .expectNoEvents().expectResultMessagePayload(Outcome.DUPLICATE);
        }

        @Test
        void notOnceRunning() {
            fixture.given(playing()).when(new MarkReady(P, "m9")).expectException(violation(ALREADY_RUNNING));
        }

        @Test
        void notWhenDone() {
            fixture.given(playing(new ParticipantFinished(P, RACE, 1000, 0, "f")))
                    .when(new MarkReady(P, "m9")).expectException(violation(PARTICIPANT_DONE));
        }

        @Test
        void notWhenRemoved() {
            fixture.given(created(), new ParticipantClosed(P, RACE, CloseReason.REMOVED, ParticipantStatus.REGISTERED))
                    .when(new MarkReady(P, "m9")).expectException(violation(NOT_REGISTERED));
        }

        @Test
        void notWhenTheRaceIsOver() {
            fixture.given(created(), new ParticipantClosed(P, RACE, CloseReason.RACE_CANCELLED, ParticipantStatus.REGISTERED))
                    .when(new MarkReady(P, "m9")).expectException(violation(RACE_NOT_RUNNING));
        }
    }

    @Nested
    class Begin {
        @Test
        void theStartBeginsEveryRunReadyOrNot() {
            fixture.given(created()).when(new BeginRun(P, GO)).expectEvents(new RunBegun(P, RACE, GO));
            fixture.given(created(), new ParticipantReady(P, RACE, "m1")).when(new BeginRun(P, GO))
                    .expectEvents(new RunBegun(P, RACE, GO));
        }

        @Test
        void beginningTwiceOrAfterTheEndDoesNothing() {
            fixture.given(playing()).when(new BeginRun(P, GO)).expectNoEvents();
            fixture.given(created(), new ParticipantClosed(P, RACE, CloseReason.REMOVED, ParticipantStatus.REGISTERED))
                    .when(new BeginRun(P, GO)).expectNoEvents();
        }
    }

    @Nested
    class Status {
        @Test
        void aStatusThatChangesNothingStoresNothing() {
            fixture.given(playing()).when(new ReportStatus(P, 5_000, 0, "s1"))
                    .expectNoEvents().expectResultMessagePayload(Outcome.UNCHANGED);
        }

        @Test
        void aDeathIsStoredAtOnce() {
            fixture.given(playing()).when(new ReportStatus(P, 5_000, 1, "s1"))
                    .expectEvents(new StatusCheckpointed(P, RACE, 5_000, 1, "s1"));
        }

        @Test
        void igtIsCheckpointedOncePerInterval() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 60_000, 0, "s1")))
                    .when(new ReportStatus(P, 119_999, 0, "s2")).expectNoEvents();
            fixture.given(playing(new StatusCheckpointed(P, RACE, 60_000, 0, "s1")))
                    .when(new ReportStatus(P, 120_000, 0, "s2"))
                    .expectEvents(new StatusCheckpointed(P, RACE, 120_000, 0, "s2"));
        }

        @Test
        void smallIgtJitterIsIgnored() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 60_000, 1, "s1")))
                    .when(new ReportStatus(P, 59_500, 2, "s2"))
                    .expectEvents(new StatusCheckpointed(P, RACE, 60_000, 2, "s2"));
        }

        @Test
        void igtNeverGoesBackwards() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 60_000, 1, "s1")))
                    .when(new ReportStatus(P, 58_000, 2, "s2")).expectException(violation(IGT_BACKWARDS)).expectNoEvents();
        }

        @Test
        void negativeValuesAreRefused() {
            fixture.given(playing()).when(new ReportStatus(P, -1, 0, "s1")).expectException(violation(INVALID_IGT));
            fixture.given(playing()).when(new ReportStatus(P, 1, -1, "s1")).expectException(violation(INVALID_DEATHS));
        }

        @Test
        void aLowerDeathCountIsAStaleRead() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 10_000, 3, "s1")))
                    .when(new ReportStatus(P, 11_000, 2, "s2")).expectNoEvents();
        }

        @Test
        void gameplayBeforeTheStartIsRefused() {
            fixture.given(created(), new ParticipantReady(P, RACE, "m1"))
                    .when(new ReportStatus(P, 1_000, 1, "s1")).expectException(violation(RACE_NOT_RUNNING));
        }

        @Test
        void gameplayAfterTheFinishIsRefused() {
            fixture.given(playing(new ParticipantFinished(P, RACE, 1000, 0, "f")))
                    .when(new ReportStatus(P, 2_000, 1, "s1")).expectException(violation(PARTICIPANT_DONE));
        }

        @Test
        void aRepeatedMessageIsNeverAppliedTwice() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 10_000, 1, "s1")))
                    .when(new ReportStatus(P, 10_000, 1, "s1"))
                    .expectNoEvents().expectResultMessagePayload(Outcome.DUPLICATE);
        }
    }

    @Nested
    class Zones {
        @Test
        void enteringAZoneRaisesTheLayer() {
            fixture.given(playing()).when(new EnterZone(P, "stormveil_db4a", 3, 90_000, "z1"))
                    .expectEvents(new ZoneEntered(P, RACE, "stormveil_db4a", 3, 3, 90_000, 0, "z1"));
        }

        @Test
        void aLowerLayerZoneKeepsTheHighWaterMark() {
            fixture.given(playing(new ZoneEntered(P, RACE, "stormveil_db4a", 3, 3, 90_000, 0, "z1")))
                    .when(new EnterZone(P, "academy_d5a9", 1, 95_000, "z2"))
                    .expectEvents(new ZoneEntered(P, RACE, "academy_d5a9", 1, 3, 95_000, 0, "z2"));
        }

        @Test
        void aRevisitIsStoredWithItsDeaths() {
            fixture.given(playing(new ZoneEntered(P, RACE, "a", 1, 1, 10_000, 0, "z1"),
                            new ZoneEntered(P, RACE, "b", 2, 2, 20_000, 0, "z2"),
                            new StatusCheckpointed(P, RACE, 25_000, 2, "s1")))
                    .when(new EnterZone(P, "a", 1, 30_000, "z3"))
                    .expectEvents(new ZoneEntered(P, RACE, "a", 1, 2, 30_000, 2, "z3"));
        }

        @Test
        void theSameZoneAgainStoresNothing() {
            fixture.given(playing(new ZoneEntered(P, RACE, "a", 1, 1, 10_000, 0, "z1")))
                    .when(new EnterZone(P, "a", 1, 11_000, "z2")).expectNoEvents()
                    .expectResultMessagePayload(Outcome.UNCHANGED);
        }

        @Test
        void aBadZoneIsRefused() {
            fixture.given(playing()).when(new EnterZone(P, " ", 1, 1_000, "z1")).expectException(violation(INVALID_ZONE));
            fixture.given(playing()).when(new EnterZone(P, "a", -1, 1_000, "z1")).expectException(violation(INVALID_ZONE));
        }

        @Test
        void zonesNeedARunningRace() {
            fixture.given(created()).when(new EnterZone(P, "a", 1, 1_000, "z1")).expectException(violation(RACE_NOT_RUNNING));
        }

        @Test
        void zonesRespectIgt() {
            fixture.given(playing(new ZoneEntered(P, RACE, "a", 1, 1, 10_000, 0, "z1")))
                    .when(new EnterZone(P, "b", 2, 5_000, "z2")).expectException(violation(IGT_BACKWARDS));
        }

        @Test
        void aRepeatedZoneMessageIsADuplicate() {
            fixture.given(playing(new ZoneEntered(P, RACE, "a", 1, 1, 10_000, 0, "z1")))
                    .when(new EnterZone(P, "b", 2, 12_000, "z1")).expectNoEvents()
                    .expectResultMessagePayload(Outcome.DUPLICATE);
        }
    }

    @Nested
    class Endings {
        @Test
        void aPlayerFinishes() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 10_000, 4, "s1")))
                    .when(new FinishRun(P, 3_600_000, "f1"))
                    .expectEvents(new ParticipantFinished(P, RACE, 3_600_000, 4, "f1"));
        }

        @Test
        void finishedIsFinal() {
            fixture.given(playing(new ParticipantFinished(P, RACE, 1000, 0, "f1")))
                    .when(new FinishRun(P, 2000, "f2")).expectException(violation(PARTICIPANT_DONE));
            fixture.given(playing(new ParticipantFinished(P, RACE, 1000, 0, "f1")))
                    .when(new Abandon(P, PLAYER)).expectException(violation(PARTICIPANT_DONE));
        }

        @Test
        void aRepeatedFinishIsADuplicateNotAnError() {
            fixture.given(playing(new ParticipantFinished(P, RACE, 1000, 0, "f1")))
                    .when(new FinishRun(P, 1000, "f1")).expectNoEvents().expectResultMessagePayload(Outcome.DUPLICATE);
        }

        @Test
        void finishingNeedsARunningRace() {
            fixture.given(created()).when(new FinishRun(P, 1000, "f1")).expectException(violation(RACE_NOT_RUNNING));
        }

        @Test
        void finishRespectsIgt() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 60_000, 0, "s1")))
                    .when(new FinishRun(P, 1000, "f1")).expectException(violation(IGT_BACKWARDS));
        }

        @Test
        void aPlayerAbandons() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 60_000, 0, "s1")))
                    .when(new Abandon(P, PLAYER))
                    .expectEvents(new ParticipantAbandoned(P, RACE, 60_000, "user-a"));
        }

        @Test
        void theOrganizerMayAbandonForThePlayerButNotAStranger() {
            fixture.given(playing()).when(new Abandon(P, ORGANIZER))
                    .expectEvents(new ParticipantAbandoned(P, RACE, 0, "org-1"));
            fixture.given(playing()).when(new Abandon(P, STRANGER)).expectException(violation(NOT_YOUR_PARTICIPATION));
        }

        @Test
        void abandonedIsFinal() {
            fixture.given(playing(new ParticipantAbandoned(P, RACE, 0, "user-a")))
                    .when(new EnterZone(P, "a", 1, 1000, "z1")).expectException(violation(PARTICIPANT_DONE));
            fixture.given(playing(new ParticipantAbandoned(P, RACE, 0, "user-a")))
                    .when(new Abandon(P, PLAYER)).expectException(violation(PARTICIPANT_DONE));
        }

        @Test
        void abandoningNeedsARunningRace() {
            fixture.given(created()).when(new Abandon(P, PLAYER)).expectException(violation(RACE_NOT_RUNNING));
        }

        @Test
        void theOrganizerDisqualifies() {
            fixture.given(playing()).when(new Disqualify(P, " used a glitch ", ORGANIZER))
                    .expectEvents(new ParticipantDisqualified(P, RACE, "used a glitch", "org-1"));
            fixture.given(playing(new ParticipantFinished(P, RACE, 1000, 0, "f1")))
                    .when(new Disqualify(P, "late check", ORGANIZER))
                    .expectEvents(new ParticipantDisqualified(P, RACE, "late check", "org-1"));
        }

        @Test
        void onlyTheOrganizerDisqualifies() {
            fixture.given(playing()).when(new Disqualify(P, "x", PLAYER)).expectException(violation(NOT_ORGANIZER));
        }

        @Test
        void disqualifyingNeedsARun() {
            fixture.given(created()).when(new Disqualify(P, "x", ORGANIZER)).expectException(violation(RACE_NOT_RUNNING));
            fixture.given(playing(new ParticipantAbandoned(P, RACE, 0, "user-a")))
                    .when(new Disqualify(P, "x", ORGANIZER)).expectException(violation(RACE_NOT_RUNNING));
        }
    }

    @Test
    void aConnectionChangeIsStoredOnlyWhenItChanges() {
        fixture.given(created()).when(new RecordModConnection(P, true))
                .expectEvents(new ModConnectionChanged(P, RACE, true));
        fixture.given(created(), new ModConnectionChanged(P, RACE, true)).when(new RecordModConnection(P, true))
                .expectNoEvents().expectResultMessagePayload(Outcome.UNCHANGED);
        fixture.given(created(), new ModConnectionChanged(P, RACE, true)).when(new RecordModConnection(P, false))
                .expectEvents(new ModConnectionChanged(P, RACE, false));
    }

    @Nested
    class FollowingTheRace {
        @Test
        void aResetClearsProgressButKeepsMessageIds() {
            fixture.given(playing(new ZoneEntered(P, RACE, "a", 1, 1, 10_000, 0, "z1"), new ParticipantReset(P, RACE),
                            new RunBegun(P, RACE, GO)))
                    .when(new EnterZone(P, "a", 1, 500, "z1"))
                    .expectNoEvents().expectResultMessagePayload(Outcome.DUPLICATE);
        }

        @Test
        void afterAResetIgtStartsOver() {
            fixture.given(playing(new StatusCheckpointed(P, RACE, 600_000, 0, "s1"), new ParticipantReset(P, RACE),
                            new RunBegun(P, RACE, GO)))
                    .when(new EnterZone(P, "a", 1, 500, "z9"))
                    .expectEvents(new ZoneEntered(P, RACE, "a", 1, 1, 500, 0, "z9"));
        }

        @Test
        void aResetReopensAParticipationClosedByTheFinish() {
            fixture.given(playing(new ParticipantClosed(P, RACE, CloseReason.RACE_FINISHED, ParticipantStatus.PLAYING)))
                    .when(new ResetParticipant(P)).expectEvents(new ParticipantReset(P, RACE));
        }

        @Test
        void aRemovedPlayerIsNotReset() {
            fixture.given(created(), new ParticipantClosed(P, RACE, CloseReason.REMOVED, ParticipantStatus.REGISTERED))
                    .when(new ResetParticipant(P)).expectNoEvents();
        }

        @Test
        void closingHappensOnce() {
            fixture.given(playing()).when(new CloseParticipant(P, CloseReason.RACE_FINISHED))
                    .expectEvents(new ParticipantClosed(P, RACE, CloseReason.RACE_FINISHED, ParticipantStatus.PLAYING));
            fixture.given(playing(new ParticipantClosed(P, RACE, CloseReason.RACE_FINISHED, ParticipantStatus.PLAYING)))
                    .when(new CloseParticipant(P, CloseReason.RACE_CANCELLED)).expectNoEvents();
        }

        @Test
        void gameplayAfterTheRaceFinishedIsRefused() {
            fixture.given(playing(new ParticipantClosed(P, RACE, CloseReason.RACE_FINISHED, ParticipantStatus.PLAYING)))
                    .when(new ReportStatus(P, 100_000, 3, "s1")).expectException(violation(RACE_NOT_RUNNING));
        }
    }
}
